<#
.SYNOPSIS
  Builds the station installer, dist\AHTC-Register-Setup-<version>.exe, on a Windows build PC.

.DESCRIPTION
  1. makes a build venv (build\buildvenv) and installs the app with its `build` extra (PyInstaller);
  2. runs PyInstaller with packaging\ahtc.spec: dist\ahtc-register\ with ahtc-register.exe (GUI) and ahtc.exe (CLI);
  3. runs packaging\smoke_test.py on that folder (the frozen CLI makes, migrates, prints and verifies test stores
     in a temporary folder; the GUI is started offscreen), unless -SkipSmokeTest;
  4. compiles packaging\ahtc.iss with Inno Setup's ISCC.exe.
  Needs: 64-bit Python 3.11 or 3.12 from python.org (the `py` launcher), Inno Setup 6.3 or newer, and the
  network for pip (PyPI). See docs\install-windows.md.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1
  powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1 -Python 3.11 -Iscc "D:\Inno Setup 6\ISCC.exe"
#>
[CmdletBinding()]
param(
    [string]$Python = "3.12",   # the version the py launcher picks: py -3.12
    [string]$Iscc = "",         # ISCC.exe; default: on PATH, else Inno Setup 6 under Program Files
    [switch]$SkipSmokeTest,
    [switch]$SkipInstaller      # stop after PyInstaller (and the smoke test)
)

$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked {
    # Native programs do not raise on failure in Windows PowerShell: check the exit code of each one.
    param([string]$Exe, [string[]]$Arguments)
    # Their log lines on stderr (pip, PyInstaller) are not errors: only the exit code decides.
    Write-Host "> $Exe $($Arguments -join ' ')"
    $ErrorActionPreference = "Continue"
    & $Exe @Arguments
    $code = $LASTEXITCODE
    $ErrorActionPreference = "Stop"
    if ($code -ne 0) { throw "$Exe exited with code $code" }
}

$Venv = Join-Path $Root "build\buildvenv"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    Invoke-Checked "py" @("-$Python", "-m", "venv", $Venv)
}
Invoke-Checked $VenvPython @("-m", "pip", "install", "--upgrade", "pip")
Invoke-Checked $VenvPython @("-m", "pip", "install", "-e", ".[build]")

$Version = (& $VenvPython -c "import desktop_app; print(desktop_app.__version__)").Trim()
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "cannot read desktop_app.__version__" }
Write-Host "AHTC Register $Version"

Invoke-Checked $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\ahtc.spec")
$Dist = Join-Path $Root "dist\ahtc-register"

if (-not $SkipSmokeTest) {
    Invoke-Checked $VenvPython @("packaging\smoke_test.py", $Dist)
}
if ($SkipInstaller) { return }

if (-not $Iscc) {
    $OnPath = Get-Command "ISCC.exe" -ErrorAction SilentlyContinue
    if ($OnPath) {
        $Iscc = $OnPath.Source
    } else {
        $Iscc = @(
            (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
            (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
            (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
        ) | Where-Object { Test-Path $_ } | Select-Object -First 1
    }
}
if (-not $Iscc -or -not (Test-Path $Iscc)) { throw "ISCC.exe not found: install Inno Setup 6.3+ or pass -Iscc PATH" }

Invoke-Checked $Iscc @("/DAppVersion=$Version", "/DDistDir=$Dist", "/DOutputDir=$(Join-Path $Root 'dist')",
    "packaging\ahtc.iss")
$Setup = Join-Path $Root "dist\AHTC-Register-Setup-$Version.exe"
Write-Host "Installer: $Setup"
Write-Host "SHA-256:   $((Get-FileHash -Algorithm SHA256 $Setup).Hash)"
