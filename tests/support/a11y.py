"""A small structural accessibility check of rendered pages (KWCAG 2.2 basics): the language
is declared, there is one h1, every form control has a label, every image has an alt text."""

from html.parser import HTMLParser

CONTROLS = {"input", "select", "textarea"}
UNLABELLED_INPUTS = {"hidden", "submit", "button", "reset", "image"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.h1 = 0
        self.labels_for: set[str] = set()
        self.controls: list[dict] = []
        self.images: list[dict] = []
        self.label_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "label":
            self.label_depth += 1
            if attrs.get("for"):
                self.labels_for.add(attrs["for"])
        elif tag in CONTROLS:
            if tag == "input" and attrs.get("type", "text") in UNLABELLED_INPUTS:
                return
            self.controls.append({**attrs, "_tag": tag, "_wrapped": self.label_depth > 0})
        elif tag == "img":
            self.images.append(attrs)

    def handle_endtag(self, tag):
        if tag == "label" and self.label_depth:
            self.label_depth -= 1


def problems(html: str, *, whole_page: bool = True) -> list[str]:
    page = _Collector()
    page.feed(html)
    found = []
    if whole_page and not page.lang:
        found.append("<html> has no lang")
    if whole_page and page.h1 != 1:
        found.append(f"{page.h1} h1 headings (expected 1)")
    for control in page.controls:
        labelled = (
            control["_wrapped"]
            or control.get("id") in page.labels_for
            or control.get("aria-label")
            or control.get("aria-labelledby")
            or control.get("title")
        )
        if not labelled:
            found.append(f"unlabelled <{control['_tag']} name={control.get('name')!r}>")
    for image in page.images:
        if "alt" not in image:
            found.append(f"<img src={image.get('src')!r}> has no alt")
    return found
