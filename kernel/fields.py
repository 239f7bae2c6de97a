"""Model fields for personal data: stored encrypted, read back as plaintext in Python only."""

from django.db import models

from kernel import crypto


class EncryptedCharField(models.TextField):
    """A text value encrypted at rest. Never filter on it: use a blind-index field beside it.

    Templates and serializers must show it through kernel.masking; reading the full value for a
    person goes through audit.events.personal_data_revealed.
    """

    description = "Encrypted text"

    def __init__(self, *args, max_plain_length=64, **kwargs):
        self.max_plain_length = max_plain_length
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["max_plain_length"] = self.max_plain_length
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return crypto.encrypt(str(value))

    def formfield(self, **kwargs):
        """A one-line text field of the plaintext's length, labelled like every other model field (its
        verbose name: without it a form shows the attribute name, "Manager phone", in English). A form may
        name another field class (core.bounds.PhoneField) in Meta.field_classes."""
        from django import forms
        from django.utils.text import capfirst

        form_class = kwargs.pop("form_class", None) or forms.CharField
        defaults = {"max_length": self.max_plain_length, "required": not self.blank,
                    "label": capfirst(self.verbose_name), "help_text": self.help_text}
        defaults.update({k: v for k, v in kwargs.items() if k in ("label", "help_text", "initial", "widget")})
        return form_class(**defaults)
