#!/usr/bin/env python3
"""Cue timing from a recording of the app, measured against the session's own clock.

usage: cue_timing.py REC.wav   (REC.marks beside it, as ../shared/scripts/record-audio writes,
                                with a "start" mark before the key that starts the session and
                                a "skip" mark before a skip during the first work phase)

Needs numpy. What it prints, all from the recording alone (not the app's latency figure):

- the session's clock: the first countdown's scheduled pips and go (due 7, 8, 9 and 10 s after
  the session begins) fitted to one start time, with each tone's residual;
- Start: the first sound after the start mark ("Get ready") against that start;
- Skip: the first sound after the skip mark (the new phase's tone) against the start of that
  phase, fitted the same way from its own scheduled pips and go;
- every voice clip found in the recording (by normalised cross-correlation with the bundled
  clips in assets/voice), in order, and any that starts while a tone sounds.
"""
import math
import os
import struct
import sys
import wave

import numpy as np

TONES = {"pip": (880.0, 0.110), "go": (1320.0, 0.450), "rest": (784.0, 0.500)}
VOICE_DIR = os.path.join(os.path.dirname(__file__), "..", "assets", "voice")
RATE_LOW = 8000


def read_mono(path):
    w = wave.open(path)
    rate, channels, width = w.getframerate(), w.getnchannels(), w.getsampwidth()
    assert width == 2, "16-bit WAV expected"
    raw = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
    return rate, raw.reshape(-1, channels).mean(axis=1) / 32768.0


def tone_onsets(rate, mono, freq, threshold=2e-3, min_gap=0.25):
    """Onsets of a tone by a Goertzel filter over 10 ms windows in 1 ms steps."""
    hop, window = rate // 1000, rate // 100
    n = np.arange(window)
    ref = np.exp(-2j * math.pi * freq * n / rate)
    found, last = [], -1e9
    for start in range(0, len(mono) - window, hop):
        power = abs(np.dot(mono[start:start + window], ref)) ** 2 / window**2
        t = start / rate
        if power > threshold and t - last > min_gap:
            found.append(t)
        if power > threshold:
            last = t
    return found


def first_sound_after(rate, mono, t, level=0.01):
    index = int(t * rate)
    loud = np.nonzero(np.abs(mono[index:]) > level)[0]
    return (index + loud[0]) / rate if len(loud) else None


def fit_start(pips, go, offsets):
    """One start time from tones due at start + offset (seconds), and each residual in ms."""
    heard = pips + go
    start = sum(h - o for h, o in zip(heard, offsets)) / len(heard)
    return start, [(h - (start + o)) * 1000 for h, o in zip(heard, offsets)]


def downsample(rate, mono):
    step = rate // RATE_LOW
    usable = len(mono) // step * step
    return mono[:usable].reshape(-1, step).mean(axis=1)


def clip_matches(low, threshold=0.75):
    """(time, clip name) of every bundled clip found in the recording, oldest first."""
    found = []
    energy = np.concatenate([[0.0], np.cumsum(low**2)])
    size = 1 << (len(low) * 2 - 1).bit_length()
    spectrum = np.fft.rfft(low, size)
    for name in sorted(os.listdir(VOICE_DIR)):
        if not name.endswith(".wav"):
            continue
        rate, clip = read_mono(os.path.join(VOICE_DIR, name))
        clip = np.interp(np.arange(0, len(clip), rate / RATE_LOW), np.arange(len(clip)), clip)
        n = len(clip)
        corr = np.fft.irfft(spectrum * np.conj(np.fft.rfft(clip, size)), size)[: len(low) - n]
        local = np.sqrt(np.maximum(energy[n:] - energy[:-n], 1e-12))[: len(corr)]
        score = corr / (local * math.sqrt(float(np.sum(clip**2))))
        index = 0
        while index < len(score):
            if score[index] > threshold:
                end = min(index + n, len(score))
                best = index + int(np.argmax(score[index:end]))
                found.append((best / RATE_LOW, name[:-4], float(score[best]), n / RATE_LOW))
                index = best + n
            else:
                index += 1
    return sorted(found)


def main():
    path = sys.argv[1]
    marks = {}
    with open(path[:-4] + ".marks") as f:
        for line in f:
            secs, text = line.split(maxsplit=1)
            marks[text.strip()] = float(secs)  # the last mark of a name wins
    rate, mono = read_mono(path)
    pips, gos, rests = (tone_onsets(rate, mono, TONES[k][0]) for k in ("pip", "go", "rest"))
    press = marks["start"]
    first_pips = [t for t in pips if press + 6 < t < press + 10.5][:3]
    first_go = [t for t in gos if press + 9 < t < press + 11.5][:1]
    start, residuals = fit_start(first_pips, first_go, [7, 8, 9, 10])
    print(f"session clock: begins {start:.4f} s ({(start - press) * 1000:.0f} ms after the start mark); "
          "scheduled tones against it (ms): " + ", ".join(f"{r:+.1f}" for r in residuals))
    get_ready = first_sound_after(rate, mono, press)
    print(f"Start: 'Get ready' heard {(get_ready - start) * 1000:+.1f} ms from the session's start")
    if "skip" in marks:
        skip = marks["skip"]
        tone = first_sound_after(rate, mono, skip)
        go2 = [t for t in gos if t > tone + 1][:1]
        if go2:
            length = round(go2[0] - tone)
            pips2 = [t for t in pips if go2[0] - 3.5 < t < go2[0] - 0.5][:3]
            phase_start, res2 = fit_start(pips2, go2, [length - 3, length - 2, length - 1, length])
            print(f"Skip: the new phase's tone heard {(tone - phase_start) * 1000:+.1f} ms from the "
                  f"phase's start ({length} s phase; its scheduled tones (ms): "
                  + ", ".join(f"{r:+.1f}" for r in res2) + ")")
    low = downsample(rate, mono)
    voices = [m for m in clip_matches(low) if m[0] > press]
    # A tone's frequency also turns up in speech: an onset inside a clip found in the
    # recording is the voice, not a tone.
    def inside_voice(t):
        return any(v <= t < v + length for v, _, _, length in voices)

    tones = [(t, TONES[k][1], k) for k, ts in (("pip", pips), ("go", gos), ("rest", rests))
             for t in ts if t > press and not inside_voice(t)]
    print("voices in order: " + ", ".join(f"{t:.2f} {name}" for t, name, _, _ in voices))
    under = [(t, name, k, s) for t, name, _, _ in voices for s, length, k in tones
             if s - 0.002 <= t < s + length]
    print("voices starting under a tone: " + (", ".join(
        f"{name} at {t:.3f} s under {k} at {s:.3f} s" for t, name, k, s in under) or "none"))


if __name__ == "__main__":
    main()
