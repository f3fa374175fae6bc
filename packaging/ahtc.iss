; Inno Setup script: the station installer, AHTC-Register-Setup-<version>.exe.
;
; Installs the PyInstaller one-folder build (dist\ahtc-register, made by packaging\ahtc.spec) per machine under
; Program Files, with Start-menu shortcuts and an uninstaller. packaging\build_windows.ps1 runs it:
;     iscc /DAppVersion=0.1.0 packaging\ahtc.iss
; Relative paths below are relative to this file's folder (packaging\).
;
; THE RECORDS ARE NOT HERE. The app keeps its encrypted store, key slots and backups in the Windows user's data
; folder (platformdirs: %LOCALAPPDATA%\Punjab Police\AHTC Register), or where AHTC_DATA_DIR points, and its
; preferences under HKCU\Software\Punjab Police. Setup never writes there and the uninstaller never deletes
; there: a station's records must survive an uninstall, a reinstall and an upgrade. Do not add [UninstallDelete]
; or [Code] that touches that folder.

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (x64compatible architecture identifiers)
#endif

#define AppName "AHTC Register"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\dist\ahtc-register"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#define GuiExe "ahtc-register.exe"

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

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

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
; As the user who started Setup, not as the administrator who approved it: the first run creates that user's
; data folder.
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: postinstall nowait skipifsilent runasoriginaluser
