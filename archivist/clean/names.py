"""names.spaced: a two-character name printed with a space to the width of three
(刘 萍 → 刘萍). Only a common surname and one more character standing alone between
non-Han text, so that spaced phrases in slogans are left as they are."""
from __future__ import annotations

import re

from archivist.clean.edits import get_text, replace_spans
from archivist.model import Article, Fix

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛"
    "仲虞敖巩明佘池查麻苑迟邝"
)
_HAN = "\u3400-\u9fff"
_SPACED = re.compile(rf"(?<![{_HAN}])([{SURNAMES}])([ \u3000]{{1,2}})([{_HAN}])(?![{_HAN}])")


def fix_spaced_names(a: Article, field: str, idx: int | None) -> list[Fix]:
    text = get_text(a, field, idx)
    if " " not in text and "\u3000" not in text:
        return []
    edits = [(m.start(2), m.end(2), "", f"space inside the name {m.group(1)}{m.group(3)}")
             for m in _SPACED.finditer(text)]
    return replace_spans(a, "names.spaced", field, idx, edits)
