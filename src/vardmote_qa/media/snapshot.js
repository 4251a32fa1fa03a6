// Reads one snapshot of the newest open peer connection's stats, without any addresses.
async () => {
  const state = window.__vmqa;
  if (!state) return { tracked: false };
  const open = state.peers.filter((e) => e.peer.connectionState !== "closed");
  const entry = open[open.length - 1];
  if (!entry) return { tracked: true, peer: null };
  const report = await entry.peer.getStats();
  const out = { tracked: true, at_ms: performance.now(), peer: {
    connection_state: entry.peer.connectionState,
    connected_after_ms: entry.connectedAt === null ? null : entry.connectedAt - entry.createdAt,
    first_frame_after_ms: entry.firstFrameAt === null ? null : entry.firstFrameAt - entry.createdAt },
    inbound_video: null, inbound_audio: null, outbound_video: null, candidate_pair: null };
  const pick = (s, keys) => Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
  report.forEach((s) => {
    if (s.type === "inbound-rtp" && s.kind === "video") out.inbound_video = pick(s, ["framesDecoded", "framesReceived",
      "framesDropped", "framesPerSecond", "frameWidth", "frameHeight", "freezeCount", "totalFreezesDuration",
      "pauseCount", "totalPausesDuration", "packetsLost", "packetsReceived", "jitter", "bytesReceived"]);
    if (s.type === "inbound-rtp" && s.kind === "audio") out.inbound_audio = pick(s, ["totalAudioEnergy", "audioLevel",
      "totalSamplesDuration", "concealedSamples", "totalSamplesReceived", "packetsLost", "packetsReceived", "jitter"]);
    if (s.type === "outbound-rtp" && s.kind === "video") out.outbound_video = pick(s, ["framesEncoded", "framesSent",
      "framesPerSecond", "frameWidth", "frameHeight", "qualityLimitationReason", "bytesSent", "targetBitrate"]);
    if (s.type === "candidate-pair" && s.nominated && s.state === "succeeded") out.candidate_pair = pick(s,
      ["currentRoundTripTime", "availableOutgoingBitrate", "bytesSent", "bytesReceived"]);
  });
  return out;
}
