"""The calendar invitation sent with a workshop registration, written by `icalendar` (RFC 5545)."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event


def utc(moment):
    """Times in UTC (…Z): every calendar reads them without the town's time zone definition."""
    return moment.astimezone(datetime.UTC)


def workshop_invitation(workshop, registration, url, host):
    """The .ics text of one registration: the workshop's times, place (or link) and page."""
    calendar = Calendar()
    calendar.add("prodid", "-//Proximite//Ateliers//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"atelier-{workshop.pk}-inscription-{registration.pk}@{host}")
    event.add("dtstamp", utc(timezone.now()))
    event.add("dtstart", utc(workshop.starts_at))
    event.add("dtend", utc(workshop.ends_at))
    event.add("summary", workshop.title)
    event.add("description", f"{workshop.listing_summary or workshop.title}\n{url}")
    event.add("location", workshop.place if workshop.mode == "in_person" else workshop.online_link)
    event.add("url", url)
    event.add("status", "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical().decode()
