"""A video scenario's trace records no screenshots; every other scenario's does (evidence.MEASURING_VIDEO).

Real traces of a real page that keeps changing (as a video page does), through the actors' own Tracing.
The wiring (a scenario tagged @video gets evidence that measures video) is checked on a real failed video
scenario's kept trace in tests/test_fault_verdicts.py."""

from vardmote_qa.actors.tracing import Tracing
from vardmote_qa.evidence import Evidence

from trace_contents import screencast_frames

# A page that repaints every animation frame, for a second and a half: what a call page showing video does.
CHANGING_PAGE = """<html><body><canvas id="c" width="320" height="240"></canvas><script>
const context = document.getElementById("c").getContext("2d");
let frame = 0;
(function paint() { context.fillStyle = `hsl(${frame++ * 7 % 360}, 80%, 50%)`; context.fillRect(0, 0, 320, 240);
  requestAnimationFrame(paint); })();
</script></body></html>"""


def frames_in_trace(browser, evidence: Evidence, name: str) -> int:
    context = browser.new_context()
    tracing = Tracing(evidence, owner=name)
    tracing.start(context)
    page = context.new_page()
    page.set_content(CHANGING_PAGE)
    page.wait_for_timeout(1500)
    tracing.stop(keep_as=name)
    context.close()
    return screencast_frames(evidence.trace_path(name))


def test_a_trace_records_screenshots_except_while_video_is_measured(browser, tmp_path):
    evidence = Evidence(tmp_path)
    with_screenshots = frames_in_trace(browser, evidence, "vanligt-scenario")
    measuring_video = frames_in_trace(browser, evidence.measuring_video(), "videoscenario")
    assert with_screenshots > 5, f"a changing page traced with screenshots gave {with_screenshots} frames"
    assert measuring_video == 0, f"a video scenario's trace holds {measuring_video} screencast frames"
