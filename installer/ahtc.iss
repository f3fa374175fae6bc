; Inno Setup script: the station installer, AHTC-Register-Setup-<version>.exe.
;
; Installs the PyInstaller one-folder build (installer\dist\ahtc-register, made by installer\ahtc.spec) per machine
; under Program Files, with Start-menu shortcuts and an uninstaller. `python installer\build.py` runs it:
;     iscc /DAppVersion=<pyproject.toml's version> /DDistDir=... /DOutputDir=... installer\ahtc.iss
; and, when a code-signing certificate is given (installer\signing.py), also /DSign and /Sahtcsign=<signtool ...>.
; Relative paths below are relative to this file's folder (installer\).
;
; THE RECORDS ARE NOT HERE. The app keeps its encrypted store, key slots and backups in the Windows user's data
; folder (platformdirs: %LOCALAPPDATA%\Punjab Police\AHTC Register), or where AHTC_DATA_DIR points, and its
; preferences under HKCU\Software\Punjab Police. The uninstaller keeps them: a station's records must survive an
; uninstall, a reinstall and an upgrade. The one exception is asked for, never assumed: see [Code] below (the
; shared data folder is deleted only when the person uninstalling says so twice, or a silent uninstall is given
; /DELETEDATA=yes). A per-user data folder is never deleted by the uninstaller. Add no [UninstallDelete].
;
; THE SHARED DATA FOLDER. With the task "sharedstore" (for stations where officers sign in to Windows with their
; own accounts), Setup makes one data folder for every account, by default C:\AHTC\data (/DATADIR=... to choose
; another), points AHTC_DATA_DIR at it for the whole machine, and gives it an explicit ACL: inheritance removed
; (a folder under C:\ would otherwise inherit "Authenticated Users: Modify"), full control for Administrators
; (S-1-5-32-544) and SYSTEM (S-1-5-18), modify for the local group "AHTC Officers" and for the account that ran
; Setup, and nothing for anyone else. District IT adds each officer's Windows account to "AHTC Officers".
; Setup only creates the folder and sets its ACL; it never reads, writes or deletes the files in it.

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (x64compatible architecture identifiers)
#endif

#define AppName "AHTC Register"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "dist\ahtc-register"
#endif
#ifndef OutputDir
  #define OutputDir "dist"
#endif
#define GuiExe "ahtc-register.exe"
#define OfficersGroup "AHTC Officers"

[Setup]
; The AppId ties every version's installer to the same installation: an upgrade replaces the program in place
; and there is one entry in Installed apps. Never change it.
AppId={{A19F96D5-8048-4442-B1D9-7371683B31D6}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Punjab Police
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per machine, under Program Files: every Windows account on the PC gets the program (each keeps its own data).
PrivilegesRequired=admin
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 or newer (what PySide6 6.x supports).
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=AHTC-Register-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
; A running copy holds its DLLs open: Setup offers to close it (the officer's saved records are on disk already).
CloseApplications=yes
RestartApplications=no
SetupLogging=yes
; The shared store's AHTC_DATA_DIR (task "sharedstore") must reach Explorer, and so every shortcut, without a sign-out.
ChangesEnvironment=yes
#ifdef Sign
; Setup and its uninstaller signed with the sign tool "ahtcsign" that build.py defines (ISCC /S) from the certificate.
SignTool=ahtcsign
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "sharedstore"; Description: "One register for every Windows account on this PC (folder {param:DATADIR|C:\AHTC\data}, open only to the ""{#OfficersGroup}"" group)"; Flags: unchecked

[Dirs]
Name: "{param:DATADIR|C:\AHTC\data}"; Tasks: sharedstore; Flags: uninsneveruninstall

[Registry]
; For every account on the PC, so each officer's sign-in opens the same register.
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: string; ValueName: "AHTC_DATA_DIR"; ValueData: "{param:DATADIR|C:\AHTC\data}"; Tasks: sharedstore; Flags: uninsdeletevalue

[InstallDelete]
; The bundle of the previous version goes before the new one is copied: a stale module or, worse, a stale
; migration script left beside the new ones would be loaded by the new program. Only program files are here.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "ahtc-prompt.cmd"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
; A command prompt with `ahtc` on its PATH, for backups, verify and the other commands in README.md.
Name: "{autoprograms}\{#AppName} command line"; Filename: "{cmd}"; Parameters: "/k ""{app}\ahtc-prompt.cmd"""; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; The shared folder's ACL (see THE SHARED DATA FOLDER above). "net localgroup /add" fails harmlessly when the group
; exists. icacls: /inheritance:r drops every inherited entry (Authenticated Users, Users); /grant:r replaces the
; explicit ones; (OI)(CI) carries each entry to the files and folders inside.
Filename: "{sys}\net.exe"; Parameters: "localgroup ""{#OfficersGroup}"" /add /comment:""Officers who use the AHTC Register"""; Flags: runhidden waituntilterminated; Tasks: sharedstore; StatusMsg: "Creating the AHTC Officers group..."
Filename: "{sys}\icacls.exe"; Parameters: """{param:DATADIR|C:\AHTC\data}"" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F ""{#OfficersGroup}"":(OI)(CI)M ""{username}"":(OI)(CI)M"; Flags: runhidden waituntilterminated; Tasks: sharedstore; StatusMsg: "Restricting the data folder to the station's officers..."
Filename: "{sys}\icacls.exe"; Parameters: """{param:DATADIR|C:\AHTC\data}"" /remove:g *S-1-5-11 *S-1-5-32-545 *S-1-1-0"; Flags: runhidden waituntilterminated; Tasks: sharedstore
; As the user who started Setup, not as the administrator who approved it: the first run creates that user's
; data folder. Not with the shared store: Setup's own environment predates AHTC_DATA_DIR, so a program started
; from here would make a store in the per-user folder instead; the Start-menu shortcut sees the variable.
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: postinstall nowait skipifsilent runasoriginaluser; Tasks: not sharedstore

[Code]
// Uninstall keeps the records unless asked. Only the shared data folder (task "sharedstore", named by the
// machine-wide AHTC_DATA_DIR that Setup wrote) can be deleted, and only if it holds an AHTC store:
//   interactive: two questions, both defaulting to No;  silent: only with /DELETEDATA=yes on the command line.
var
  DataDirToDelete: String;

function SharedDataDir(): String;
begin
  if not RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment',
    'AHTC_DATA_DIR', Result) then
    Result := '';
end;

function LooksLikeAStore(Dir: String): Boolean;
begin
  // Never a drive's root, never a folder without the store's files in it.
  Result := (Length(Dir) > 3) and FileExists(AddBackslash(Dir) + 'keyslots.json');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Dir: String;
begin
  if CurUninstallStep = usUninstall then
  begin
    // Read before [Registry]'s uninsdeletevalue removes it.
    Dir := SharedDataDir();
    DataDirToDelete := '';
    if not LooksLikeAStore(Dir) then
      exit;
    if UninstallSilent() then
    begin
      if CompareText(ExpandConstant('{param:DELETEDATA|no}'), 'yes') = 0 then
        DataDirToDelete := Dir;
    end
    else if (MsgBox('Keep the register''s records?' + #13#10#13#10 + 'The shared data folder ' + Dir +
        ' holds this station''s encrypted records, key slots and backups. They are KEPT unless you choose to ' +
        'delete them now.' + #13#10#13#10 + 'Delete the records too?', mbConfirmation,
        MB_YESNO or MB_DEFBUTTON2) = IDYES) and
      (MsgBox('Delete every record in ' + Dir + ' for good?' + #13#10#13#10 + 'Only do this after a backup ' +
        'and a sync with the district. This cannot be undone.', mbCriticalError,
        MB_YESNO or MB_DEFBUTTON2) = IDYES) then
      DataDirToDelete := Dir;
  end;
  if (CurUninstallStep = usPostUninstall) and (DataDirToDelete <> '') then
    if not DelTree(DataDirToDelete, True, True, True) then
      Log('Could not delete ' + DataDirToDelete);
end;
