/* For the Wine smoke test only; never shipped. Windows 10 and 11 have bcryptprimitives.dll,
 * whose ProcessPrng every Rust >= 1.78 Windows program imports for random numbers; Debian 12's
 * Wine 8 does not. This stand-in exports ProcessPrng over advapi32's RtlGenRandom
 * (SystemFunction036), so the cross-built program can start under that Wine. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
