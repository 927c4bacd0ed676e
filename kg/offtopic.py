"""Proposed off-topic spans of a new document: the material `seeds/catalogue.yaml` excludes, found by the
words such material is made of, for the curator to confirm.

A block (a paragraph, or a line of a block of short lines) is off-topic when it is a paywall or subscription prompt,
a related-article teaser or "read more" link, a programme's next episodes, a donation appeal, a call for tips and
where to send them, a reader poll, captcha, comment or cookie prompt, an author's biography or social handles (a
labelled note, "About the compiler: …", or a short note near the end that opens with an author's name), a press
contact or contact line, an email's unsubscribe footer, or a list of tags. A saved page keeps the site's matter after
the article's end, and a digest may append an unrelated item after its paywall prompt: a prompt, teaser or poll in the
last part of the text, or followed at once by material of another such kind (a paywall prompt, then "Read more at
…"), therefore starts a span that runs to the end; a sponsor's read and a sign-up box for email alerts, which come in
a programme's or page's body as well, are the block alone. Each span is proposed with its reason and the words that
gave it away; nothing here decides what is excluded."""

from __future__ import annotations

import re

from .corpus import Span

BIO = "author biography and social-media handles"
# (reason, pattern, ends the article): a block matching the pattern is that kind of material.
KINDS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # first: an appeal often offers a membership too ("funded by its readers. Become a member from €4 a month"), and it
    # is the block alone, where a paywall prompt near the end would take all that follows it
    ("donation appeal", re.compile(
        r"\b(donate (now|today)|make a (donation|contribution)|support our (work|journalism)|become a supporter|"
        r"please give today|give today at|a small donation|donations can be made|(listener|reader)-supported|"
        r"(is )?funded by (its |our )?(readers|listeners)|support(ing)? (the|my|our) work on (patreon|ko-fi)|"
        # a writer's own page for gifts ("please support my reporting at ko-fi.com/…")
        r"support (my|our) (reporting|journalism) (at|on|via)\b|(ko-fi|patreon|buymeacoffee)\.com/|"
        # a reader asked to give, or told where and how ("Donate at …/support", "donate from $5 a month")
        r"please (donate|give|support (?-i:[A-Z]))|^donate|donate (at|via|through|online|from|here|by)|welcomes? donations|"
        r"a donation of any size|(gift|donation)s? of (\$|€|£)?\d+ or more|"
        # "an independent, reader-funded project … please consider a donation: every contribution helps"
        r"(reader|listener|member)-funded|please consider donating|"
        r"consider (a donation|making a (donation|contribution)|supporting (us|our))|"
        r"every (contribution|donation|gift) helps|to donate[,:]?\s+(send|text|call|visit|click|go|scan)|"
        r"(lives|relies|depends) on (your|its (readers|listeners)['’]?) support)\b", re.I), False),
    ("paywall or subscription prompt", re.compile(
        r"\b(free articles? left|subscribe now|sign up (now )?for|unlimited access|already (have an account|a subscriber)|"
        r"log in now|subscribers only|become a (member|subscriber)|to continue reading|"
        r"(subscribe|sign up) to (our|the) (\w+ )?(newsletter|mailing list|daily|weekly|briefing|digest|podcast)|"
        r"get (our|the) (\w+ )?newsletter|"
        # a publication's own name after "subscribe to" ("Subscribe to Levant Freight Monitor for weekly rate tables"), a
        # reader asked to pass the issue on, to register, or to have it by email
        r"subscribe (to|at) (the )?((?-i:[A-Z])[\w’'-]* ){1,5}(for|to receive)|subscribe at our website|subscribers get|"
        r"register now|subscribe (for|from) (\$|€|£|us\$)?\d+|subscribe to receive|"
        r"forward (it|this) to a (colleague|friend)|to receive (this|our) \w+ by email|"
        # a video's or podcast's own call to subscribe ("hit subscribe and ring the bell")
        r"(hit|click|smash|tap|press) (that |the )?(subscribe|like)( button)?|ring the bell|"
        # an email's own footer: "You are receiving this email because you subscribed … Unsubscribe"
        r"you are receiving this (e-?mail|newsletter|message|bulletin)|unsubscribe)\b", re.I), True),
    # a sign-up box for email alerts, which a page shows in its body as well as at its end, and a block that opens by
    # asking the reader to subscribe or names where to ("… at carrowla.com/bulletin"), which a report's own matter (a
    # handling note, the place of the talks) may follow: the block alone
    ("paywall or subscription prompt", re.compile(
        r"\b(sign up|register) to (receive|get) (\w+ )?(e-?mail|alerts?|updates|notifications)\b|^subscribe\b|"
        r"\bsubscribe\b[^.\n]*\b[\w-]+\.(com|org|net|example|co\.uk)\b|"
        # a house's own newsletter or alerts, by whatever name ("subscribe to the Commission's weekly newsletter and
        # receive border notices by SMS. Enter your mobile number below.")
        r"(^|[:.!?]\s+)(please )?(subscribe|sign up) to (our|the|its) ([\w’'-]+ ){0,3}(newsletter|mailing list|e-?mail alerts|"
        r"alerts|bulletin)\b|"
        r"\benter your (mobile|phone|e-?mail)( number| address)? below\b|(^|[.!?]\s+)stay (informed|updated|in the loop)\s*:|"
        # "Sign up free on our website", "Want this sheet in your inbox …?", "Sign up to receive the Office's statements by
        # email", "subscribe to SMS alerts on the progress of your complaint"
        r"\b(sign up|subscribe|register) (free|for free|here)\b|(^|[.!?]\s+)(sign up|subscribe|register) today\b|"
        r"\b(sign up|subscribe|register) to receive\b|"
        r"\b(straight )?(to|in|into) your inbox\b|\bsubscribe to (sms|text|e-?mail|whatsapp|telegram) (alerts|updates|messages)\b|"
        # a service's offer of a trial ("To request a free two-week trial, write to trials@…", "For a free trial, write …")
        r"\b(request|start|get|claim|try|sign up for|register for|for) (a |your |our )?free ([\w-]+ )?trial\b|"
        # where to sign up ("Get the weekly digest: sign up at eusanctionsmonitor.eu/subscribe")
        r"\b(sign up|subscribe|register) (at|on|via) (www\.)?[\w-]+\.(com|org|net|eu|info|io|int|example|co\.uk)\b",
        re.I), False),
    # a call for tips, documents or leaks and where to send them: the block alone ("Do you have documents about the
    # border trade? Write to our investigations desk at …")
    ("tip-line prompt", re.compile(
        r"\btips@[\w.-]+|\bsend us (a |your )?tips?\b|\bsend (in )?your tips\b|"
        r"\b(share|send) (your )?(documents|information|a tip) with us\b|"
        r"^(do you have|have you (got|seen)|do you know)\b[^?\n]{0,100}\?\s*(write|contact|e-?mail|message|send|reach|get in touch|"
        r"call|tell)\b", re.I), False),
    ("related-article teaser or link", re.compile(
        r"^(related( content| news| articles?| stories| posts| reading)?|read more( at\b.*)?|more about:.*|you may also like|"
        r"recommended( for you)?|more from\b.*|most read|read next|see also|read also|also read)\s*$"
        # a heading with the teaser after it: "Related: How to spot …", "Read next: Flooding cuts …", a programme's next
        # episodes ("Coming up on Frontier Hour: next week …")
        r"|^what (we|i)['’ ](re|are|m|am) reading\s*:?\s*$"  # a newsletter's links elsewhere: "WHAT WE'RE READING"
        r"|^(related( news| content| articles?| stories| reading)?|read next|read more|see also|also read|read also|more letters|"
        r"coming up( on [^:]{1,40})?|next (week|time|episode) on [^:]{1,40})\s*:"
        # a heading of more from the same house: "Related travel advice:", "Also from the Land Transit Desk:", "More
        # photo essays from Meridian:", "Related from the archive:"; a heading, not a clause ("More trucks from Syria
        # crossed: …")
        r"|^(?![^:\n]*\b(?!related\b)\w+ed\b)(related\b[^:.]{1,40}|(also|more)\b[^:.]{0,40}\bfrom\b[^:.]{1,40})\s*:",
        re.I), True),
    ("reader poll, captcha, comments or cookie prompt", re.compile(
        r"^(do you like this article\??|captcha\b.*|cookie settings|accept (all )?cookies|\d+ comments?|leave a comment|"
        r"comments?|i (did not |didn't )?like it\.?)\s*$", re.I), True),
    # a programme's own sponsor, not a resolution or a state "sponsored by" another; a sponsor's promotion code. A
    # sponsor's read comes before, in or after a programme: the read alone
    ("sponsor message", re.compile(
        r"\b(is|are) brought to you by\b|^sponsor(ed)?( message| content)?\s*$|"
        r"\b(video|episode|podcast|show|programme|program|newsletter|broadcast|bulletin) (is |was )?sponsored by\b|"
        # "SPONSOR: …" heads a read, not a bill's sponsor ("Sponsor: Rep. Peter J. Halloran [R-OH-7]")
        r"\buse (the |promo |discount )?code \w+ (for|to get)\b|"
        r"^(\[[\d:.]+\]\s*)?sponsor\s*:(?!\s*(rep|sen|senator|representative|congress(wo)?man|del|hon|mp)\b)|"
        r"\b(with|use|enter) (the )?(promo |discount )?code (?-i:[A-Z][A-Z0-9]{3,})\b", re.I), False),
    (BIO, re.compile(
        # a labelled note on the author or speaker: "About the compiler: …", "About the Deputy Special Envoy: …"
        r"(^about (the |this |our )?((deputy|special|senior|chief|guest|lead|assistant) )*(authors?|writers?|compiler|editors?|"
        r"reporters?|correspondents?|contributors?|analysts?|researchers?|speakers?|envoy|presenters?|hosts?|photographers?|"
        r"translators?|interviewees?|guests?)\s*:|"
        r"\bis an? (senior |research |non-resident |visiting )?(analyst|fellow|director|journalist|reporter|correspondent|"
        r"editor|professor|researcher)\b.*\bat\b|\bfollow\b.*\bon (twitter|x)\b|(^|\s)@\w{2,}\b.*(^|\s)@\w{2,}\b|"
        r"^follow (the|our) .{0,60}\b(pages?|accounts?|channels?) on (facebook|telegram|twitter|x|instagram)\b)", re.I), False),
    # a house asking to be followed ("Follow SNA on Telegram and Instagram for the latest news"), or its programmes
    # watched ("Watch every episode on Northlight Player"), where no author's note says so: the block alone
    ("paywall or subscription prompt", re.compile(
        r"(^|[.!?]\s+)follow (us|[\w’'&-]+( [\w’'&-]+){0,3}) on (facebook|telegram|twitter|x|instagram|youtube|whatsapp|tiktok)\b|"
        r"^(watch|listen to|stream) (every|all|past|previous|more|the full) ([\w-]+ )?(episodes?|programmes?|shows?)\b",
        re.I), False),
    # an advertisement in a thread or a page's body ("Stay private with ShieldVPN, 70% off this week only, link in my
    # profile!") and a publisher's disclaimer of affiliation ("Capitol Docket is not affiliated with Congress."): the block
    ("advertisement or disclaimer", re.compile(
        r"\b\d+ ?% off\b[^.\n]*\b(only|with (the )?code)\b|\blink in (my|our) (bio|profile)\b|"
        r"^[^.\n]{1,60}\b(is|are) not affiliated with\b[^.\n]{1,60}\.?$", re.I), False),
    ("press contact", re.compile(
        r"^(media (relations|enquiries|inquiries|contact)|press (office|contact)|for (media|press) (enquiries|inquiries)\b.*)\s*$|"
        # a contact line: "Media contact: Jonas Feld, Spokesperson.", "Contact: operations desk, ops@…, +44 …", "Call our
        # desk: +964 …"
        r"^(media|press) (contact|enquiries|inquiries|office)\s*:|^contact( us)?\s*:[^\n]*(@|\+?\d[\d ()-]{6,})|"
        r"^call (our|the) ([\w-]+ )?(desk|office|team|hotline|newsroom)\s*(:|on\b|at\b)",
        re.I), True),
)
TAGS = "tag list"
# Where the last part of a text begins: an ending prompt before it is more likely a prompt inside the article.
TAIL = 0.5


def blocks(text: str) -> list[tuple[int, int]]:
    """The paragraphs of the text as (start, end) offsets; a paragraph of short lines (a menu, a prompt
    block) gives one block a line."""
    out = []
    for match in re.finditer(r"[^\n](?:.|\n(?!\n))*", text):
        lines = match.group().split("\n")
        if len(lines) > 1 and all(len(line) < 80 for line in lines):
            pos = match.start()
            for line in lines:
                if line.strip():
                    out.append((pos, pos + len(line)))
                pos += len(line) + 1
        else:
            out.append((match.start(), match.end()))
    return out


def _kind(block: str) -> tuple[str, str, bool] | None:
    for reason, pattern, ends in KINDS:
        match = pattern.search(block.strip())
        if match:
            return reason, match.group().strip()[:60], ends
    return None


def _tag_list(block: str) -> bool:
    """Words run together without sentence punctuation, nearly all capitalised: a list of topics."""
    words = block.split()
    plain = re.sub(r"\b(?:[A-Z]\.){2,}", "", block)  # U.S., U.K.
    if len(words) < 6 or re.search(r"[.!?:;,“”\"]", plain):
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or not w[0].isalpha())
    return capitalised / len(words) >= 0.8


def _classified(text: str, authors: list[str]) -> list[tuple[int, int, str, str, bool]]:
    """The off-topic blocks: (start, end, reason, words, whether such material ends an article)."""
    out = []
    parts = blocks(text)
    for index, (start, end) in enumerate(parts):
        block = text[start:end]
        kind = _kind(block)
        if kind is None and (words := _author_bio(text, start, end, authors)):
            kind = (BIO, words, False)
        if kind is None and index == len(parts) - 1 and _tag_list(block):
            kind = (TAGS, " ".join(block.split()[:4]), True)
        if kind is not None:
            out.append((start, end, *kind))
    return out


# A heading of teasers, on a line of its own.
_HEADING = re.compile(r"[^\n.!?]{1,60}\s*$")
# The story going on after a prompt: a correction, clarification, update or editor's note the outlet appends.
_NEWS_AGAIN = re.compile(r"^(?:corrections?|clarifications?|updated?|editor['’]s note)\b[^\n:]{0,40}(?::|$)", re.I | re.M)


def _author_bio(text: str, start: int, end: int, authors: list[str]) -> str | None:
    """The words of a short note in the text's last part that opens with an author's name and says what the author
    does or has done ("Hala Yousif has brokered cross-border loads out of Baghdad since 2008.")."""
    block = text[start:end].strip()
    if start < TAIL * len(text) or len(block) > 300:
        return None
    for name in authors:
        if name and re.match(re.escape(name) + _BIO_VERB, block):
            return block[:60]
    return None


# What an author's note says the author does: "has reported from Anbar since 2016", "is a senior editor", "leads".
_BIO_VERB = (r"\s+(?:(?:has|had)\s+(?:\w+ed|been|written|covered|brokered|led|run|taught|worked|reported)|is|was|covers|"
             r"writes|leads|reports|teaches|works|joined|edits|runs|took up)\b")


def propose(text: str, authors: list[str] | tuple[str, ...] = ()) -> list[tuple[Span, str]]:
    """The proposed excluded spans of a text, in order, each with the words that gave it away (authors: the
    document's, whose note in the text's last part is a biography). Material that ends an article (a prompt, a teaser,
    a poll, tags) runs to the end of the text when it is in the text's last part or when more such material of another
    kind follows it at once (a paywall prompt, then "Read more at …"), unless the story goes on after it ("CORRECTION:
    …", "UPDATE, Nov. 17: …"): then it is the prompt alone, or a teasers' heading with the teasers under it ("WHAT
    WE'RE READING", then three teasers, then "CORRECTION")."""
    out: list[tuple[Span, str]] = []
    found = _classified(text, list(authors))
    upto = 0
    for index, (start, end, reason, words, ends) in enumerate(found):
        if start < upto:
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        run = following is not None and following[4] and following[2] != reason and text[end:following[0]].strip() == ""
        news = _NEWS_AGAIN.search(text, end)
        if ends and reason.startswith("related") and start >= TAIL * len(text) and news and _HEADING.match(text, start, end):
            upto = len(text[:news.start()].rstrip())
            out.append((Span(start, upto, reason), words))
            continue
        if ends and (start >= TAIL * len(text) or run) and not news:
            if out and text[out[-1][0].end:start].strip() == "" and out[-1][0].reason == reason:
                previous, words = out.pop()
                start = previous.start
            more = ", and what follows it" if text[end:].strip() else ""
            out.append((Span(start, len(text), reason + more), words))
            break
        if out and text[out[-1][0].end:start].strip() == "" and out[-1][0].reason == reason:
            previous, first_words = out.pop()
            out.append((Span(previous.start, end, reason), first_words))
        else:
            out.append((Span(start, end, reason), words))
    return out


def anchors(text: str, span: Span) -> tuple[str, str]:
    """The catalogue's `from` and `until` for a span: the shortest starting words whose first occurrence is the
    span's start, and the shortest ending words found from there at its end ("end" for a span to the end)."""
    words = list(re.finditer(r"\S+", text[span.start:span.end]))
    start = ""
    for match in words:
        start = text[span.start:span.start + match.end()]
        if len(start) >= 12 and text.find(start) == span.start:
            break
    if span.end == len(text):
        return start, "end"
    until = ""
    for match in reversed(words):
        until = text[span.start + match.start():span.end]
        if len(until) >= 12 and text.find(until, span.start) + len(until) == span.end:
            break
    return start, until
