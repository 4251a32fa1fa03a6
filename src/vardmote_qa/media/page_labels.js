// Names a foreign page's media elements the way the tracker reads them (peer_tracker.js): the own preview
// data-vmqa-self="<own name>", each remote sender's video and audio data-vmqa-sender="<its name>", from the
// names the page itself shows. A page that is not ours says who is whom only on screen: an SFU rewrites
// SSRCs and stream ids (Janus names every subscriber stream "janus"), so the page's own names are the only
// key a receiver and that sender share. Rules (page_labels.py): where the own preview is and where the page
// shows the own name; which box holds one sender's media and where in it that sender's name is (none: the
// box plays this page's own media back, an echo). Re-applied every 200 ms: the page builds its elements
// as media arrives.
(rules) => {
  if (window.__vmqaLabels) return;
  const read = (element) => !element ? "" :
    (element.tagName === "INPUT" ? element.value : element.textContent || "").trim();
  const apply = () => {
    const own = rules.self_name ? read(document.querySelector(rules.self_name)) : rules.own_key;
    if (!own) return;
    document.querySelectorAll(rules.self_media).forEach((element) => { element.dataset.vmqaSelf = own; });
    document.querySelectorAll(rules.sender_box).forEach((box) => {
      const name = rules.sender_name ? read(box.querySelector(rules.sender_name)) : own;
      if (name) box.querySelectorAll(rules.sender_media).forEach((element) => { element.dataset.vmqaSender = name; });
    });
  };
  window.__vmqaLabels = setInterval(apply, 200);
}
