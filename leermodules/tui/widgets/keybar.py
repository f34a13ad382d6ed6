"""The bottom line: the keys that work now, with what they do; a click on one presses it. When
they do not fit on one line (a narrow terminal) they go on over a second, never cut off.

It does what Textual's Footer does, as one line of text instead of a widget per key: the Footer
composes its keys anew after every focus change and costs about as much to mount as the rest of
the home screen together (see benchmarks/startup.py).
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        max-height: 3;
        width: 1fr;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    def __init__(self) -> None:
        super().__init__("")
        self._keys: list[tuple[Text, str]] = []  # what shows for a key, and the key
        self._spans: list[tuple[int, int, int, str]] = []  # line, start, end, key

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show_keys())
        self.call_after_refresh(self.show_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)
        self.app.theme_changed_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.show_keys()

    def show_keys(self) -> None:
        key_style = f"bold {self.app.theme_variables.get('footer-key-foreground', '')}".strip()
        keys: list[tuple[Text, str]] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            piece = Text()
            piece.append(f" {self.app.get_key_display(binding)} ", style=key_style if active.enabled else "dim")
            piece.append(f"{binding.description} ", style="" if active.enabled else "dim")
            keys.append((piece, binding.key))
        self._keys = keys
        self._lay_out()

    def _lay_out(self) -> None:
        """The keys on as many lines as the width needs, a key never split over two."""
        width = self.size.width or self.app.size.width
        text = Text(no_wrap=True, overflow="crop")
        spans: list[tuple[int, int, int, str]] = []
        line = x = 0
        for piece, key in self._keys:
            if x and x + piece.cell_len > width:
                text.append("\n")
                line, x = line + 1, 0
            text.append_text(piece)
            spans.append((line, x, x + piece.cell_len, key))
            x += piece.cell_len
        self._spans = spans
        self.update(text)

    def on_resize(self) -> None:
        self._lay_out()

    def on_click(self, event: events.Click) -> None:
        for line, start, end, key in self._spans:
            if line == event.y and start <= event.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
