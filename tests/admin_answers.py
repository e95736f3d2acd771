"""Reading the admin's answers in isolation tests: the text of any response, and what counts as a refusal."""


def body(response):
    """The response's text, streamed (CSV/XLSX exports) or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", errors="ignore")
    return response.content.decode("utf-8", errors="ignore")


def refused(response):
    """403 or 404, or Wagtail's way of refusing an admin view: back to the dashboard with a message."""
    if response.status_code == 302:
        return response["Location"] == "/admin/"
    return response.status_code in (403, 404)
