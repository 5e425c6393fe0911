#!/usr/bin/env bash
# Generates the bundled stage sample: a 12-second test pattern with a tone, as multi-rendition
# HLS (360p30 and 160p30, 2-second MPEG-TS segments, H.264 + AAC muxed per rendition, like an
# IVS channel's renditions). Segments are named .m2ts, not .ts: TypeScript tools take every .ts
# file for source (the asset store still serves them as video/mp2t). The output is committed under client/public/media/sample/; the
# worker loops it as a live-like stage (server/media/live-sample.ts). Re-run only to change it:
#   bash scripts/make-stage-sample.sh
# Needs Debian's ffmpeg (apt-get install ffmpeg).
set -euo pipefail
cd "$(dirname "$0")/.."
out=client/public/media/sample
rm -rf "$out" && mkdir -p "$out"

seconds=12
fps=30
seg=2

# One encode, two renditions: testsrc2 (moving pattern with a frame counter and clock) and a
# 440 Hz tone that beeps once a second, so both picture and sound visibly/audibly advance.
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=640x360:rate=${fps}:duration=${seconds}" \
  -f lavfi -i "sine=frequency=440:beep_factor=2:sample_rate=48000:duration=${seconds}" \
  -filter_complex "[0:v]split=2[a][b];[a]drawtext=text='Foyer 360p':x=16:y=16:fontsize=28:fontcolor=white:box=1:boxcolor=black@0.5[v360];[b]scale=284:160,drawtext=text='Foyer 160p':x=8:y=8:fontsize=16:fontcolor=white:box=1:boxcolor=black@0.5[v160]" \
  -map "[v360]" -map 1:a -map "[v160]" -map 1:a \
  -c:v libx264 -preset veryfast -profile:v main -pix_fmt yuv420p \
  -g $((fps * seg)) -keyint_min $((fps * seg)) -sc_threshold 0 \
  -b:v:0 450k -maxrate:v:0 500k -bufsize:v:0 900k \
  -b:v:1 120k -maxrate:v:1 140k -bufsize:v:1 240k \
  -c:a aac -b:a 64k -ac 1 \
  -f hls -hls_time ${seg} -hls_playlist_type vod -hls_flags independent_segments \
  -hls_segment_filename "$out/%v_%02d.m2ts" \
  -master_pl_name master.m3u8 \
  -var_stream_map "v:0,a:0,name:360p v:1,a:1,name:160p" \
  "$out/%v.m3u8"

du -ch "$out"/* | tail -1
