// Reads what the peer tracker has gathered in this page: the peer connections' timings, the remote
// senders it grouped the tracks by, and the samples.
() => {
  const state = window.__vmqa;
  if (!state) return { tracked: false, peers: [], groups: [], samples: [] };
  const peers = state.peers.map((e) => ({ index: e.index, created_at: e.createdAt, connected_at: e.connectedAt,
    state: e.peer.connectionState }));
  const groups = state.groups.map((g) => ({ key: g.key, peer: g.peer, kinds: Object.values(g.tracks),
    seen_at: g.seenAt, first_frame_at: g.firstFrameAt, first_frame_peer: g.firstFramePeer }));
  return { tracked: true, peers, groups, samples: state.samples.slice() };
}
