"""Write fitted paragraphs into a DrawingML text body (``p:txBody`` / ``a:txBody``).

Everything the fit depends on is written explicitly, so no renderer falls back
to its own defaults: insets, wrapping, no autofit, line pitch, space before and
after, margins, bullets, and each run's size and Latin and East Asian typefaces.

Each run carries the language of its script (``reportgen.scripts``): a Hangul
run in an English deck is ``ko-KR``, Han characters follow the document's
language (Korean beside Hangul in the same paragraph). A run names an East
Asian typeface only where the set names one (``deck.fonts.east_asian``), and
only in the document's language; every other run names the font scheme's
theme face (``+mn-ea``, ``+mj-cs``...), so PowerPoint takes its script's face
from the scheme (the default set names none: a Korean deck is not drawn in a
Japanese face). A paragraph mostly in Arabic or Hebrew, or in a right-to-left
document, is right-to-left and right-aligned.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml

from reportgen.document.model import Run
from reportgen.locale import Locale, locale_for
from reportgen.render.pptx.inherited import TextLook
from reportgen.render.pptx.xml import qn
from reportgen.scripts import COMPLEX, RIGHT_TO_LEFT, dominant, language_of, split_by_language
from reportgen.slides.fit import LINE_HEIGHT
from reportgen.slides.flow import INSET_X, INSET_Y
from reportgen.slides.model import Frame, Para
from reportgen.slides.units import Emu
from reportgen.theme import Theme

BULLETS = ("•", "–", "•")
MONO = "Courier New"
_AUTOFIT = ("a:noAutofit", "a:normAutofit", "a:spAutoFit")
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Style:
    """The theme's colours and fonts as the writer needs them (hex without '#')."""

    latin: str
    east_asian: str | None
    """The East Asian typeface the set names, for runs in the document's language (None: the font scheme's, +mn-ea)."""
    primary: str
    accent: str
    text: str
    muted: str
    marking: str
    header_text: str
    lang: str
    """The document's OOXML language tag: the tag of every run in its language (spell checking, font choice)."""
    tag: str = "en"
    """The document's BCP 47 tag, as the outline gave it."""
    right_to_left: bool = False
    inherits: frozenset[str] = frozenset()
    """What a corporate master decides because the set does not name it: ``latin`` (the faces), ``bullets``,
    and the colours ``primary``, ``accent``, ``text``, ``muted``, ``marking`` (docs/templates.md, order of precedence)."""

    @classmethod
    def of(cls, theme: Theme, locale: Locale, corporate: bool = False) -> Style:
        c = theme.colours
        colours = (c.primary, c.accent, c.text, c.muted, c.marking, c.table_header_text)
        primary, accent, text, muted, marking, header_text = (x.lstrip("#").upper() for x in colours)
        fonts = theme.deck.fonts
        inherits: frozenset[str] = frozenset()
        if corporate:
            left = [name for name in ("primary", "accent", "text", "muted", "marking") if not theme.named("colours", name)]
            left += [] if theme.named("deck", "fonts", "latin") else ["latin"]
            inherits = frozenset([*left, "bullets"])
        return cls(
            fonts.latin, fonts.east_asian, primary, accent, text, muted, marking, header_text, locale.xml_lang, locale.tag, locale.right_to_left,
            inherits,
        )

    def colour(self, para: Para, role: str) -> str | None:
        """The colour of *para*'s text in a frame of *role* (None: the master's)."""
        name = "primary" if role == "title" else {
            "lead": "primary",
            "heading": "primary",
            "subtitle": "primary",
            "caption": "muted",
            "source": "muted",
            "attribution": "muted",
            "slidenum": "muted",
            "marking": "marking",
        }.get(para.kind, "text")
        return None if name in self.inherits else str(getattr(self, name))


def fill(txbody, frame: Frame, style: Style, part=None, colour: str | None = None, body: bool = True, inherited: TextLook | None = None) -> None:
    """Replace the text of *txbody* with *frame*'s paragraphs (*body*: set its insets and wrapping too;
    *inherited*: what a corporate master's placeholder gives its text, so a size equal to it is not written).

    The paragraphs are written as one XML string and parsed once: far quicker than
    building thousands of small elements through python-pptx's element classes.
    """
    if body:
        body_pr(txbody, frame.anchor)
    for p in txbody.findall(qn("a:p")):
        txbody.remove(p)
    numbering: dict[int, int] = {}
    out = [_OPEN]
    for para in frame.paras or (Para((), Emu(0)),):
        paragraph(out, para, style, frame.role, numbering, part, colour, inherited)
    out.append("</a:txBody>")
    txbody.extend(list(parse_xml("".join(out))))


_OPEN = f'<a:txBody xmlns:a="{_NS_A}" xmlns:r="{_NS_R}">'


def body_pr(txbody, anchor: str | None = "t") -> None:
    bp = txbody.find(qn("a:bodyPr"))
    if bp is None:
        bp = etree.Element(qn("a:bodyPr"))
        txbody.insert(0, bp)
    for tag in _AUTOFIT:
        for el in bp.findall(qn(tag)):
            bp.remove(el)
    bp.set("wrap", "square")
    for attr, value in (("lIns", INSET_X), ("tIns", INSET_Y), ("rIns", INSET_X), ("bIns", INSET_Y)):
        bp.set(attr, str(int(value)))
    if anchor is not None:
        bp.set("anchor", anchor)
    bp.set("rtlCol", "0")
    no_autofit = etree.Element(qn("a:noAutofit"))
    # a:noAutofit goes after prstTxWarp, before scene3d/sp3d/flatTx/extLst
    after = [el for el in bp if etree.QName(el).localname == "prstTxWarp"]
    bp.insert(bp.index(after[-1]) + 1 if after else 0, no_autofit)


def paragraph(
    out: list[str], para: Para, style: Style, role: str, numbering: dict[int, int], part=None, colour: str | None = None, inherited: TextLook | None = None
) -> None:
    """Append one ``a:p`` to *out*."""
    for level in [k for k in numbering if k > para.level or (k == para.level and para.kind != "number")]:
        numbering.pop(level)  # a numbered list restarts after anything at its level that is not one of its items
    bulleted = para.kind in ("bullet", "number") and not para.continued
    attrs = f' marL="{int(para.margin)}" indent="{-int(min(para.hang, para.margin)) if bulleted else 0}"'
    if para.kind in ("bullet", "number"):
        attrs += f' lvl="{para.level}"'
    context = "".join(run.text for run in para.runs)
    if style.right_to_left or dominant(context) in RIGHT_TO_LEFT:
        attrs += f' algn="{"ctr" if para.align == "ctr" else "r"}" rtl="1"'
    elif para.align is not None:
        attrs += f' algn="{para.align}"'
    attrs += ' hangingPunct="0"'  # Japanese commas may not hang past the box edge, where nothing was measured
    out.append(f"<a:p><a:pPr{attrs}>")
    out.append(f'<a:lnSpc><a:spcPts val="{round(para.size.pt * LINE_HEIGHT * 100)}"/></a:lnSpc>')
    out.append(f'<a:spcBef><a:spcPts val="{round(para.space_before.pt * 100)}"/></a:spcBef><a:spcAft><a:spcPts val="0"/></a:spcAft>')
    if bulleted:
        bullet_colour = "accent" if para.level == 0 else "muted"
        if bullet_colour not in style.inherits:
            out.append(f'<a:buClr><a:srgbClr val="{getattr(style, bullet_colour)}"/></a:buClr>')
        if "latin" not in style.inherits:
            out.append(f"<a:buFont typeface={_q(style.latin)}/>")
        if para.kind == "number":
            start = f' startAt="{para.number}"' if numbering.get(para.level) != para.number - 1 else ""
            out.append(f'<a:buAutoNum type="arabicPeriod"{start}/>')
            numbering[para.level] = para.number
        elif not ("bullets" in style.inherits and role == "body"):  # a master's body placeholder has bullets of its own
            out.append(f"<a:buChar char={_q(BULLETS[min(para.level, 2)])}/>")
    else:
        out.append("<a:buNone/>")
    out.append("</a:pPr>")
    fill_colour = colour or style.colour(para, role)
    size = _own_size(para, inherited)
    for run in para.runs:
        if para.kind == "slidenum":
            out.append(
                f'<a:fld id="{{5C6B1A9E-8E4D-4F0B-9E3A-2D7C1B0A4F11}}" type="slidenum">'
                f"{run_pr(para, style, run, fill_colour, context=context, role=role, size=size)}<a:t>{escape(run.text)}</a:t></a:fld>"
            )
            continue
        link = _link(part, run.href)
        for i, piece in enumerate(run.text.split("\n")):  # a newline inside a run is a line break, as measured
            if i:
                out.append(f"<a:br>{run_pr(para, style, run, fill_colour, context=context, role=role, size=size)}</a:br>")
            for text in _pieces(run, piece, style, context):  # one run per language
                out.append(f"<a:r>{run_pr(para, style, run, fill_colour, link, context, role, text, size)}<a:t>{escape(text)}</a:t></a:r>")
    end_lang = language_of(context, style.tag, style.lang, context)
    end_size = "" if size is None else f' sz="{size or 1200}"'
    out.append(f'<a:endParaRPr lang="{end_lang}"{end_size}/></a:p>')


def _own_size(para: Para, inherited: TextLook | None) -> int | None:
    """The size to write, in hundredths of a point: None where it is what the master's placeholder gives anyway."""
    size = round(para.size.pt * 100) if para.size else 0
    if inherited is not None and size == round(inherited.sizes[min(para.level, len(inherited.sizes) - 1)] * 100):
        return None
    return size


def _pieces(run: Run, piece: str, style: Style, context: str) -> tuple[str, ...]:
    """*piece* of *run* cut where its language changes; a span that names its language stays whole."""
    if not piece:
        return ()
    if run.lang:
        return (piece,)
    return tuple(text for text, _lang in split_by_language(piece, style.tag, style.lang, context))


def _link(part, href: str | None) -> str | None:
    """The relationship id of a hyperlink from this slide to *href*."""
    if not href or part is None:
        return None
    return part.relate_to(href, RT.HYPERLINK, is_external=True)


def run_pr(
    para: Para, style: Style, run, colour: str | None, link: str | None = None, context: str = "", role: str = "body", text: str | None = None,
    size: int | None = -1,
) -> str:
    """The run's ``a:rPr``: everything explicit, so no master's style can change its width.

    *context* is the paragraph's text (Han characters beside Hangul are Korean);
    *role* ``title`` takes the scheme's major (heading) faces, others its minor ones;
    *text* is the piece of the run this ``a:rPr`` is for (all of it by default); *size* in hundredths of a
    point (-1: the paragraph's; None: none, the placeholder's). On a corporate master the faces and colours
    the set leaves to it (:attr:`Style.inherits`) are not written, nor a weight where the run has none.
    """
    text = run.text if text is None else text
    latin = _q(MONO if run.code else style.latin)
    extra = (' strike="sngStrike"' if run.strike else "") + (' u="sng"' if run.href else "")
    lang = locale_for(run.lang).xml_lang if run.lang else language_of(text, style.tag, style.lang, context)
    theme = "+mj" if role == "title" else "+mn"
    # cap and spc: a master's all-caps or letter spacing would make the text wider than measured
    sz = f' sz="{round(para.size.pt * 100)}"' if size == -1 else "" if size is None else f' sz="{size}"'
    corporate = "latin" in style.inherits
    weight = (' b="1"' if run.bold else "") + (' i="1"' if run.italic else "") if corporate else f' b="{int(run.bold)}" i="{int(run.italic)}"'
    head = f'<a:rPr lang="{lang}"{sz}{weight} cap="none" spc="0"{extra} dirty="0">'
    if lang == style.lang and style.east_asian:
        ea = f"<a:ea typeface={_q(style.east_asian)}/>"  # the face the set names, for its own language
    else:
        ea = "" if corporate else f'<a:ea typeface="{theme}-ea"/>'  # the scheme's face for the run's script (Malgun Gothic for ko-KR...)
    cs = f'"{theme}-cs"' if dominant(text) in COMPLEX else latin
    fill = "" if colour is None else f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
    if corporate and not run.code:
        fonts = fill + ea
    else:
        fonts = f"{fill}<a:latin typeface={latin}/>{ea}<a:cs typeface={cs}/>"
    hlink = f'<a:hlinkClick r:id="{link}"/>' if link else ""
    return head + fonts + hlink + "</a:rPr>"


def _q(value: str) -> str:
    return quoteattr(value)
