"""The product's name: one home for every page title, the admin, the footer and the PDFs.

In Chinese the product is named by what it does for the bureau (the zh-Hans catalogue's entry of "WageWatch");
official documents are always in Chinese, whatever the reader's screen language (product_name_zh)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

PRODUCT_NAME = _("WageWatch")


def product_name_zh() -> str:
    with translation.override("zh-hans"):
        return str(PRODUCT_NAME)
