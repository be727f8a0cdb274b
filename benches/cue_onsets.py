#!/usr/bin/env python3
"""When each tone starts in a recording of the app (from ../shared/scripts/record-audio).

usage: cue_onsets.py REC.wav [START_MARK_SECS [OUTPUT_LATENCY_MS]]

Finds each note by its frequency (pip 880 Hz, go 1320 Hz) with a Goertzel filter over 10 ms
windows (1 ms steps), and prints its onset in seconds (the window start, so about 3 ms early). With the time of the key press that started the
session (the "start" mark record-audio writes just before the key), it also prints where each
cue should have been heard: get ready is 10 s, so the pips are due at 7, 8 and 9 s and go at
10 s after the press, then again 3, 2, 1 s before each later work phase. Pure Python (no numpy).
"""
import math
import struct
import sys
import wave

NOTES = {"pip": 880.0, "go": 1320.0}


def read_mono(path):
    w = wave.open(path)
    rate, channels, width = w.getframerate(), w.getnchannels(), w.getsampwidth()
    raw = w.readframes(w.getnframes())
    assert width == 2, "16-bit WAV expected"
    samples = struct.unpack("<%dh" % (len(raw) // 2), raw)
    mono = [sum(samples[i:i + channels]) / channels / 32768.0
            for i in range(0, len(samples), channels)]
    return rate, mono


def goertzel_power(block, freq, rate):
    k = 2.0 * math.cos(2.0 * math.pi * freq / rate)
    s1 = s2 = 0.0
    for x in block:
        s0 = x + k * s1 - s2
        s2, s1 = s1, s0
    return (s1 * s1 + s2 * s2 - k * s1 * s2) / (len(block) ** 2)


def onsets(rate, mono, freq, threshold=2e-3, min_gap_secs=0.25):
    hop = rate // 1000          # 1 ms
    window = 10 * hop           # 10 ms: about 100 Hz wide, so 784 Hz and speech stay out
    found, last = [], -1e9
    for start in range(0, len(mono) - window, hop):
        power = goertzel_power(mono[start:start + window], freq, rate)
        t = start / rate
        if power > threshold and t - last > min_gap_secs:
            found.append(t)
        if power > threshold:
            last = t
    return found


def main():
    rate, mono = read_mono(sys.argv[1])
    press = float(sys.argv[2]) if len(sys.argv) > 2 else None
    for name, freq in NOTES.items():
        times = onsets(rate, mono, freq)
        print(f"{name} ({freq:.0f} Hz): " + ", ".join(f"{t:.3f}" for t in times))
        if name == "pip" and len(times) > 1:
            gaps = [b - a for a, b in zip(times, times[1:]) if b - a < 1.5]
            print("  pip gaps (ms): " + ", ".join(f"{g * 1000:.0f}" for g in gaps))
    if press is not None:
        # The first sound after the press is "Get ready", played the moment the session
        # starts (it cannot be early): its onset, less the output latency the app logged, is
        # when the session started, to within one device period.
        voice = next(i for i in range(int(press * rate), len(mono)) if abs(mono[i]) > 0.01) / rate
        print(f"first sound after the press: {voice:.3f} s ({(voice - press) * 1000:.0f} ms after it)")
        if len(sys.argv) > 3:
            latency = float(sys.argv[3]) / 1000
            start = voice - latency
            pips = [t for t in onsets(rate, mono, NOTES["pip"]) if t > start + 6][:3]
            go = [t for t in onsets(rate, mono, NOTES["go"]) if t > start + 9][:1]
            due = [start + 7, start + 8, start + 9, start + 10]
            late = [(h - d) * 1000 for h, d in zip(pips + go, due)]
            print("first countdown, heard minus due from the session start (ms): "
                  + ", ".join(f"{x:+.0f}" for x in late))
        pips = onsets(rate, mono, NOTES["pip"])[:3]
        go = onsets(rate, mono, NOTES["go"])[:1]
        due = [press + 7, press + 8, press + 9, press + 10]
        heard = pips + go
        late = [(h - d) * 1000 for h, d in zip(heard, due)]
        print("first countdown, heard minus due after the key press (ms): "
              + ", ".join(f"{x:+.0f}" for x in late))


if __name__ == "__main__":
    main()
