"""Personal data collected by the public forms, handled as the law asks (Luật Bảo vệ dữ liệu cá nhân
số 91/2025/QH15, in force 1 January 2026, and Nghị định 356/2025/NĐ-CP; summary in docs/legal.md).

- ``ConsentFormMixin``: a form that collects personal data gets a required consent box, never ticked in
  advance (silence or a pre-ticked box is not consent).
- ``personal_data_notice``: what the person is told above that box: who controls the data, the purpose, what
  is collected, how long it is kept, their rights and how to use them
  (``{% include "components/personal_data_notice.html" with notice=notice %}``).
"""

import logging

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import CharField, F, Func, Q, Value
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from sites.contacts import normalise_email, normalise_phone
from sites.models import PersonalDataRequest, UnitSettings
from sites.registry import get_personal_data_providers
from sites.selectors import unit_settings_for

logger = logging.getLogger(__name__)

# A person's request about their data (Nghị định 356/2025/NĐ-CP): answered within 2 working days, carried out
# within 10 to 20 days by kind of request; the portal promises the strictest (docs/legal.md).
REPLY_WORKING_DAYS = 2
RESPONSE_DAYS = 10

NOTICE_ID = "personal-data-notice"


class ConsentFormMixin:
    """For Django forms (``class MyForm(ConsentFormMixin, forms.ModelForm)``): adds the required ``consent``
    box, last, unticked. A form rendered anew never shows it ticked, whatever ``initial`` says; a form
    shown again after an error keeps what the person ticked themselves."""

    consent_label = gettext_lazy(
        "I have read the notice on personal data above and agree to my data being processed for this purpose."
    )
    consent_required_message = gettext_lazy(
        "Please tick the box to agree to your data being processed; "
        "without it we cannot receive what you sent."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.pop("consent", None)  # never ticked in advance
        self.fields["consent"] = forms.BooleanField(
            label=self.consent_label,
            required=True,
            initial=False,
            error_messages={"required": self.consent_required_message},
            widget=forms.CheckboxInput(attrs={"aria-describedby": NOTICE_ID}),
        )


def _rights():
    """The data subject's rights (Luật 91/2025/QH15 Art. 4), each with a line on what it means here."""
    return [
        (gettext("To be informed"), gettext("about what is done with your data (this notice).")),
        (
            gettext("To consent or not"),
            gettext("nothing is processed without your consent for this purpose."),
        ),
        (
            gettext("To withdraw your consent"),
            gettext(
                "at any time; what was done before stays lawful, and we then erase your contact details."
            ),
        ),
        (gettext("To see your data and get a copy"), gettext("of everything we hold about you.")),
        (gettext("To have it corrected"), gettext("if it is wrong or incomplete.")),
        (gettext("To have it erased"), gettext("and to restrict or object to its processing.")),
        (
            gettext("To complain"),
            gettext(
                "to the unit, and to the authority protecting personal data (Cục An ninh mạng và phòng, "
                "chống tội phạm sử dụng công nghệ cao, Bộ Công an), or to go to court and ask for damages."
            ),
        ),
    ]


def _controller(unit, request):
    info = None
    if unit is not None:
        if request is not None:
            info = unit_settings_for(request, unit)
        else:
            info = UnitSettings.objects.filter(site_id=unit.site_id).first()
    return {
        # the unit the person writes to controls their data (its portal's managing agency may be another body)
        "name": unit.name if unit else "",
        "address": info.address if info else "",
        "email": info.email if info else "",
        "phone": info.phone if info else "",
    }


def personal_data_notice(*, unit, purpose, retention_days, request=None, data_kinds=None, closed_when=None):
    """What a public form tells the person before they consent (Luật 91/2025/QH15 Art. 9-11, 13).

    ``purpose``: why the data is collected (one sentence, translated); ``retention_days``: how many days
    after the case is closed the contact details are erased; ``data_kinds``: what is collected (default:
    name, e-mail or phone, what they write); ``closed_when``: what "closed" means for this form (default:
    "the case is closed"). Returns a dict for ``components/personal_data_notice.html``."""
    controller = _controller(unit, request)
    if data_kinds is None:
        data_kinds = [
            gettext("your name"),
            gettext("your e-mail address or phone number"),
            gettext("what you write (and any file you attach)"),
        ]
    closed_when = closed_when or gettext("the case is closed")
    return {
        "id": NOTICE_ID,
        "controller": controller,
        "purpose": purpose,
        "data_kinds": list(data_kinds),
        "retention_days": retention_days,
        "retention": gettext(
            "Your name and contact details are erased %(days)s days after %(closed_when)s; what you wrote "
            "is kept without them, for the unit's records and statistics."
        )
        % {"days": retention_days, "closed_when": closed_when},
        "rights": [{"name": name, "text": text} for name, text in _rights()],
        "response_days": RESPONSE_DAYS,
        "how_to": gettext(
            "To use these rights, write to %(controller)s (the contact details above), giving the e-mail "
            "address or phone number you used. We reply within %(reply)s working days and carry out your "
            "request within %(days)s days."
        )
        % {"controller": controller["name"], "reply": REPLY_WORKING_DAYS, "days": RESPONSE_DAYS},
        "sharing": gettext(
            "Your data is not sold or given to anyone outside the State bodies that handle your case; "
            "it is not shown publicly."
        ),
    }


# --- Contacts: normalised, matched, masked --------------------------------------------------------------


def normalise_contact(value):
    """``value`` (what a person gave as their contact) as the providers search it: an e-mail address in lower
    case, or a Vietnamese phone number as digits with its leading 0 ("+84 912-345-678" -> "0912345678").
    Raises ``ValidationError`` (a message for people) when it is neither."""
    text = (value or "").strip()
    message = gettext("Enter a valid e-mail address or phone number.")
    invalid = ValidationError(message, code="invalid_contact")
    if "@" in text:
        email = normalise_email(text)
        try:
            validate_email(email)
        except ValidationError:
            raise invalid from None
        return email
    phone = normalise_phone(text)
    if phone is None:
        raise invalid
    return phone


def is_email(contact):
    return "@" in contact


def _digits_of(field):
    return Func(
        F(field), Value(r"\D"), Value(""), Value("g"), function="REGEXP_REPLACE", output_field=CharField()
    )


def with_contact(queryset, contact, *, email_fields=(), phone_fields=()):
    """``queryset`` narrowed to rows whose e-mail fields equal the normalised ``contact`` (any case), or whose
    phone fields hold the same number however it was written ("0912 345 678", "+84 912.345.678")."""
    condition = Q(pk__in=[])
    if is_email(contact):
        for field in email_fields:
            condition |= Q(**{f"{field}__iexact": contact})
        return queryset.filter(condition)
    variants = [contact, "84" + contact[1:]]
    annotations = {f"_pd_digits_{index}": _digits_of(field) for index, field in enumerate(phone_fields)}
    for name in annotations:
        condition |= Q(**{f"{name}__in": variants})
    return queryset.annotate(**annotations).filter(condition)


def mask_contact(contact):
    """``contact`` as the log keeps it, not enough to find the person: "ng***@gmail.com", "09******78"."""
    contact = contact or ""
    if is_email(contact):
        local, domain = contact.rsplit("@", 1)
        return f"{local[:2]}***@{domain}"
    if len(contact) <= 4:
        return "*" * len(contact)
    return contact[:2] + "*" * (len(contact) - 4) + contact[-2:]


def erased_name():
    """What an erased name becomes, in the site's language ("Đã xóa")."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Erased")


# --- Services: find, export, erase, the retention rule ---------------------------------------------------


def providers():
    """The personal-data providers the features registered (``sites.registry.PERSONAL_DATA_HOOK``)."""
    return get_personal_data_providers()


def find_personal_data(*, units, contact):
    """``[(provider, records)]`` for every provider: the records of the person with the normalised ``contact``
    held by ``units`` only (a provider with none is listed with an empty list)."""
    units = list(units)
    return [(provider, list(provider.find(units=units, contact=contact))) for provider in providers()]


def _log(*, action, unit, contact, counts, user=None, reason=""):
    entry = PersonalDataRequest.objects.create(
        action=action,
        unit=unit,
        subject=mask_contact(contact) if contact else "",
        counts=counts,
        user=user if user is not None and user.is_authenticated else None,
        reason=reason,
    )
    logger.info("personal data %s by user %s for unit %s: %s", action, entry.user_id, entry.unit_id, counts)
    return entry


def export_personal_data(*, unit, contact, user, units=None):
    """Everything the ``units`` (default: ``[unit]``) hold about the person with the normalised ``contact``,
    as a JSON-ready dict; the export is logged (``PersonalDataRequest``, the contact masked)."""
    units = list(units) if units is not None else [unit]
    sources = []
    counts = {}
    for provider, records in find_personal_data(units=units, contact=contact):
        counts[provider.key] = len(records)
        sources.append(
            {"source": str(provider.label), "records": provider.export(records) if records else []}
        )
    _log(action=PersonalDataRequest.Action.EXPORT, unit=unit, contact=contact, counts=counts, user=user)
    return {
        "controller": unit.name if unit is not None else "",
        "contact": contact,
        "exported_at": timezone.now().isoformat(),
        "sources": sources,
    }


def erase_personal_data(*, unit, contact, user, reason, units=None):
    """Erase the name and contact details of the person with the normalised ``contact`` from every record the
    ``units`` (default: ``[unit]``) hold; the text stays for statistics. Logged with ``reason``. Returns
    ``{provider key: records erased}``."""
    units = list(units) if units is not None else [unit]
    counts = {}
    with transaction.atomic():
        for provider, records in find_personal_data(units=units, contact=contact):
            counts[provider.key] = provider.erase(records, reason=reason) if records else 0
        _log(
            action=PersonalDataRequest.Action.ERASE,
            unit=unit,
            contact=contact,
            counts=counts,
            user=user,
            reason=reason,
        )
    return counts


def erase_expired_personal_data(*, now=None):
    """The retention rule: every provider erases the contact details of the cases closed longer ago than its
    keeping time (``PORTAL_..._CONTACT_DAYS``). Each run is logged, even when nothing was due. Returns
    ``{provider key: records erased}``."""
    now = now or timezone.now()
    counts = {}
    for provider in providers():
        with transaction.atomic():
            counts[provider.key] = provider.erase_expired(now=now)
    _log(
        action=PersonalDataRequest.Action.EXPIRED,
        unit=None,
        contact="",
        counts=counts,
        reason=gettext("Contact details kept past their time, erased automatically."),
    )
    return counts
