"""Property: for any page built from real sample lines (shuffled, repeated, with noise),
the split never crashes and no run of six or more Han characters is lost."""
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archivist.split import split_text, to_json
from tests.conftest import SAMPLES

LINES = sorted({ln for p in SAMPLES.glob("*.txt") for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()})
NOISE = ["", "", "图片", "  ", "■", "---", "### ", "□", "（", "etc", " and ", "1,000", "http://a.b/c?d=1",
         "\u3000\u3000", "本报讯", "记者", "# ", "- ", "**", "摄",
         "（上接第1版）", "（下转第3版）", "□记者 王 雷", "## 标题"]
HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{6,}")
NOT_HAN = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]+")


def kept_text(doc: dict) -> str:
    kept = list(doc["furniture"])
    for a in doc["articles"]:
        kept += [a[k] or "" for k in ("headline", "kicker", "subtitle", "dateline")]
        kept += a["deck"] + a["byline"] + a["captions"] + [b["text"] for b in a["blocks"]]
    return "|".join(NOT_HAN.sub("", unicodedata.normalize("NFKC", k)) for k in kept)


line = st.one_of(st.sampled_from(LINES), st.sampled_from(NOISE),
                 st.builds(lambda s, k: s[: k], st.sampled_from(LINES), st.integers(1, 60)))


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, min_size=1, max_size=60), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_no_han_run_is_lost_and_nothing_crashes(lines, sep):
    page = sep.join(lines).replace("\r\n", "\n")
    doc = to_json(split_text(page))
    kept = kept_text(doc)
    lost = [r for r in HAN_RUN.findall(unicodedata.normalize("NFKC", page)) if r not in kept]
    assert not lost, lost[:3]
