@echo off
rem Opened by the "AHTC Register command line" shortcut: puts ahtc.exe (this folder) on PATH for this window
rem and starts in the user's own folder (Program Files is not writable).
set "PATH=%~dp0;%PATH%"
cd /d "%USERPROFILE%"
echo AHTC Register command line. For example:
echo   ahtc --help
echo   ahtc verify
echo   ahtc backup --out E:\AHTC\station-backup.ahtcbak
echo.
