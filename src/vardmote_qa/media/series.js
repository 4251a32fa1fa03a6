// Reads what the peer tracker has gathered in this page: the peer connections' timings and the samples.
() => {
  const state = window.__vmqa;
  if (!state) return { tracked: false, peers: [], samples: [] };
  const peers = state.peers.map((e) => ({ index: e.index, created_at: e.createdAt, connected_at: e.connectedAt,
    first_frame_at: e.firstFrameAt, state: e.peer.connectionState }));
  return { tracked: true, peers, samples: state.samples.slice() };
}
