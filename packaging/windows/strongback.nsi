; The Windows installer: per-user (no administrator rights), into
; %LOCALAPPDATA%\Programs\Strongback, with a Start-menu shortcut, an optional desktop
; shortcut, "Open with Strongback" for .ron plan files, and an uninstaller listed in
; Apps & features. Silent with /S (clinics); /D=FOLDER picks the folder.
;
; Built by packaging/build-windows, which passes:
;   /DVERSION=0.1.0  /DNUMVERSION=0.1.0 (digits only)  /DSTAGE=<folder with the files>
;   /DOUTFILE=<the setup .exe>  /DSIZE_KB=<installed size>
;
; The person's records are in %APPDATA%\strongback\data (the app's data folder). Nothing here
; writes there, and the uninstaller never removes it.

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !error "VERSION is not defined (packaging/build-windows passes /DVERSION=...)"
!endif
!ifndef STAGE
  !error "STAGE is not defined (packaging/build-windows passes /DSTAGE=...)"
!endif
!ifndef OUTFILE
  !define OUTFILE "strongback-${VERSION}-setup.exe"
!endif

!define APP "Strongback"
!define EXE "strongback.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Strongback"
!define PROGID "Strongback.Plan"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Strongback"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

!ifndef NUMVERSION
  !define NUMVERSION "${VERSION}"
!endif
VIProductVersion "${NUMVERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "The Strongback developers (MIT or Apache-2.0)"

!define MUI_ICON "${STAGE}\strongback.ico"
!define MUI_UNICON "${STAGE}\strongback.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open Strongback now"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${STAGE}\LICENSE.txt"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

; The program cannot be replaced or removed while it runs (Windows keeps a running program's
; file open): ask the person to close it, or, silent, stop with an error and change nothing.
!macro WAIT_UNTIL_CLOSED_FUNCTION prefix
Function ${prefix}WaitUntilClosed
  retry:
  ClearErrors
  IfFileExists "$INSTDIR\${EXE}" 0 closed
  FileOpen $0 "$INSTDIR\${EXE}" a
  IfErrors 0 opened
  MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION \
    "Strongback is open. Close it (your records are safe), then choose Retry." \
    /SD IDCANCEL IDRETRY retry
  SetErrorLevel 2
  Abort "Strongback is open; nothing was changed."
  opened:
  FileClose $0
  closed:
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED_FUNCTION ""
!insertmacro WAIT_UNTIL_CLOSED_FUNCTION "un."

Section "Strongback (required)" SecApp
  SectionIn RO
  SetShellVarContext current
  Call WaitUntilClosed
  SetOutPath "$INSTDIR"
  File "${STAGE}\${EXE}"
  File "${STAGE}\LICENSE.txt"
  File "${STAGE}\LICENSE-MIT.txt"
  File "${STAGE}\LICENSE-APACHE.txt"
  File "${STAGE}\THIRD-PARTY-NOTICES.txt"
  File "${STAGE}\README.txt"
  SetOutPath "$INSTDIR\examples"
  File "${STAGE}\examples\physio-plan.ron"
  SetOutPath "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 \
    SW_SHOWNORMAL "" "Guided, timed strength circuits for a healthier low back"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Strongback developers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

Section "Open .ron plan files with Strongback" SecOpenWith
  ; "Open with" only: offered for .ron files, never made their default program.
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Strongback plan"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" open "%1"'
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}" "FriendlyAppName" "${APP}"
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" ".ron" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" open "%1"'
  ; SHCNE_ASSOCCHANGED: Explorer rereads the file types.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section /o "Desktop shortcut" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Call un.WaitUntilClosed
  ; The reminder's task, if the person set one (Reminders… in the app): with the program
  ; gone it could only fail.
  nsExec::Exec 'schtasks /Delete /F /TN "Strongback training reminder"'
  Pop $0
  ; The program and its shortcuts only. The records in the data folder
  ; (%APPDATA%\strongback) are the person's and stay.
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\LICENSE-MIT.txt"
  Delete "$INSTDIR\LICENSE-APACHE.txt"
  Delete "$INSTDIR\THIRD-PARTY-NOTICES.txt"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\examples\physio-plan.ron"
  RMDir "$INSTDIR\examples"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"

  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${EXE}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
