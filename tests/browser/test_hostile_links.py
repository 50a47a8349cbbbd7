"""Markup in a link, as Chromium renders it: AppTest sees the Markdown a page sends, not what
Streamlit's renderer makes of it (it turns `:material/...:`, `:smile:`, bare URLs and e-mail
addresses into icons, emoji and links even after Markdown escapes). The notice must be text."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from driver import wait_idle

ATTACKS = {
    "link and image": "[Call 0800 123](https://evil.example) ![x](https://evil.example/p.png)",
    "directives": ":red[**URGENT: call us**] :material/warning: :smile: $x^2$",
    "bare addresses": "www.evil.example a@evil.example https://evil.example",
}


@pytest.mark.parametrize("attack", list(ATTACKS.values()), ids=list(ATTACKS))
@pytest.mark.parametrize("path, param", [("/", "region"), ("/conditions", "condition")])
def test_markup_in_a_link_renders_as_plain_text(page, app_url, path, param, attack):
    outside = []
    page.on(
        "request",
        lambda request: outside.append(request.url)
        if "evil.example" in request.url and not request.url.startswith(app_url)
        else None,
    )
    page.goto(f"{app_url}{path}?{param}={quote(attack)}")
    wait_idle(page)
    notice = page.locator("[data-testid=stAlertContentInfo] [data-testid=stMarkdownContainer]").first
    notice.wait_for()
    assert notice.locator("a, img, strong, em, .katex, span[role=img], span[style*=color]").count() == 0, (
        notice.inner_html()
    )
    shown = notice.inner_text().replace("\u2060", "")
    assert attack[:40].replace("\u2060", "") in shown  # the link's words, exactly as written
    assert outside == []
