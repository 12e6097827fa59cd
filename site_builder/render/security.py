"""The Content-Security-Policy of the public pages and of the web editor.

The pages carry theirs in a `<meta http-equiv>` for hosts that cannot send headers (GitHub
Pages); `deploy/nginx.conf` and `deploy/htaccess` send the same as a header (tests compare
them), with `frame-ancestors`, which browsers ignore in a meta element. No inline script is
allowed on the public pages: Material's inline scripts are files (`templates/partials/
javascripts/`), and so is the search page's. Pagefind compiles WebAssembly, which is
`'wasm-unsafe-eval'`, not `'unsafe-eval'`. Styles may be inline: the pictures' placeholder
colours are `style` attributes.
"""

from __future__ import annotations

PAGES = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
"""The policy of every public page, as its meta element gives it."""

HEADER = PAGES + "; frame-ancestors 'self'"
"""The same policy as a header, with what only a header can say."""

ADMIN = (
    "default-src 'self'; "
    "script-src 'self' 'sha256-Hx47mYK7okpadKVYneZvwqwuJSl8ZUaC0EMxEJ/t+8c=' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
"""The web editor's policy (a header only): Decap CMS evaluates code and injects its styles,
and its page has one inline line (`window.CMS_MANUAL_INIT = true;`, by its hash)."""
