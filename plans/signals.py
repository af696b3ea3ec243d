"""Signals for the apps above plans (which plans may not import): projects mails the owners on them."""

from django.dispatch import Signal

# Sent once the transaction that opened (or reopened) a reporting window has committed; `window`.
window_opened = Signal()
