"""A calendar invitation written by hand, as RFC 5545 asks: CRLF line ends, lines folded at 75 octets."""

import datetime

from django.utils import timezone

CRLF = "\r\n"


def escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """Split a content line into 75-octet pieces, never inside a UTF-8 character."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    pieces, current, limit = [], b"", 75
    for char in line:
        bytes_ = char.encode()
        if len(current) + len(bytes_) > limit:
            pieces.append(current.decode())
            current, limit = b"", 74  # continuation lines start with a space
        current += bytes_
    pieces.append(current.decode())
    return (CRLF + " ").join(pieces)


def utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def workshop_invitation(workshop, registration, url, host):
    location = workshop.place if workshop.mode == "in_person" else workshop.online_link
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Proximite//Ateliers//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:atelier-{workshop.pk}-inscription-{registration.pk}@{host}",
        f"DTSTAMP:{utc(timezone.now())}",
        f"DTSTART:{utc(workshop.starts_at)}",
        f"DTEND:{utc(workshop.ends_at)}",
        f"SUMMARY:{escape(workshop.title)}",
        f"DESCRIPTION:{escape(workshop.listing_summary or workshop.title)}\\n{escape(url)}",
        f"LOCATION:{escape(location)}",
        f"URL:{url}",
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return CRLF.join(fold(line) for line in lines) + CRLF
