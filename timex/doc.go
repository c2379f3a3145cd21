// Package timex finds date expressions in English news text and resolves
// them against the document's publication date.
//
// Find scans a text once, rejects it cheaply when it holds no date word
// (month and weekday names, "yesterday", "week", "ago", a plausible year…),
// and otherwise matches a small grammar of date expressions around each such
// word. Every expression gets a dyad.Date with its precision; an expression
// that needs the publication date to mean anything (a weekday, "last week",
// "29 May" with no year) is omitted when the publication date is zero.
//
// # Rules
//
// The rules below are choices; the golden file testdata/dates.txt pins them.
//
//   - Weeks run Monday to Sunday.
//   - A weekday alone ("on Wednesday", "said Wednesday") is the most recent
//     such day on or before publication, the day itself when publication falls
//     on it. When the clause before it announces the future ("will", "shall",
//     "scheduled", "due", "upcoming", "plans"), it is the first such day on or
//     after publication instead.
//   - "last Tuesday" is the Tuesday of the previous Monday–Sunday week (news
//     style names a day of the current week without "last"); "next Monday"
//     the Monday of the following week; "this Friday" the Friday of the
//     publication's week.
//   - A day or month without a year ("29 May", "in January") takes the year
//     that puts it nearest to publication, preferring the past: a later date
//     wins only when it is less than a quarter as far away as the earlier one
//     ("June 1" published on May 29 is three days ahead; "in January"
//     published in May is the past January). A future cue as above picks the
//     first such date on or after publication. "last July" is the most recent
//     July before the publication's month; "next July" the first after it.
//   - "last week", "this week", "next week" are Monday–Sunday ranges;
//     "earlier this week" runs from Monday to publication, "later this week"
//     from publication to Sunday. "last month", "this month", "earlier this
//     month" have month precision; "last year", "this year" year precision.
//   - "the past decade", "the last two years", "over the past three months"
//     are ranges that end on the publication date; "the next two weeks" starts
//     on it. "since 2021" runs from the first day of 2021 to publication.
//   - "N days ago" and "N weeks ago" have day precision; "N months ago" month
//     precision; "N years ago" and "N decades ago" year precision.
//   - "a day later", "two weeks earlier", "the next day", "the day before"
//     count from the previous expression in the same text that has a date;
//     with none they are omitted. "one day later on 28 May" is one expression
//     whose date is the written one.
//   - "early 2025", "mid-2025", "late 2025" are the thirds of the year (Jan–Apr,
//     May–Aug, Sep–Dec); "early May" the days 1–10, "mid-May" 11–20, "late
//     May" 21 to the end; "the early 1990s" 1990–1993, "the mid-1990s"
//     1994–1996, "the late 1990s" 1997–1999. "the first quarter of 1987" and
//     "the second half of 2025" are ranges of months.
//   - Seasons are northern and three months long (spring March–May, summer
//     June–August, autumn or fall September–November, winter December to
//     February, named by the year of its December). "last summer" is the
//     last one that has ended; "this summer" and "in the summer" the one under
//     way, else the publication year's (the coming winter).
//   - A bare year counts only after a word that introduces a date (in, since,
//     by, until, during, before, after, from, between, the, its, fiscal…), and
//     not before a count noun ("the 2000 people"). So "the 2021 withdrawal"
//     is the year 2021 while "2021 people", "section 2021", "$2021" and
//     "1,000" are not dates; neither is a clock time before a zone word
//     ("until 2130 GMT").
//   - Month names count only when capitalized (or in an all-caps line) and
//     next to a day or a year, or after a word that introduces a date: "Russia
//     may sign" and "a protest March" are not dates. Abbreviations ("Jan.",
//     "Sept", "FEB") need a day or a year beside them.
//   - Numeric dates: "2026-05-27" and "2026/05/27" are year-month-day,
//     "27.05.2026" day-month-year, and "05/27/2026" month/day/year by US
//     convention unless the first number exceeds 12 ("27/05/2026").
//
// Relative is set on expressions whose date comes from the publication date
// or from an earlier expression rather than from the text alone.
package timex
