// Tests for core/datetime: ISO 8601 in the site's zone, and every output format.
#include <doctest/doctest.h>

#include "core/datetime.h"
#include "core/display_language.h"

using namespace herald;

TEST_CASE("a plain date is midnight in the site's timezone") {
  TimeZone london("Europe/London");
  std::string error;
  auto summer = parse_datetime("2024-06-12", london, &error);
  REQUIRE(summer);
  CHECK_FALSE(summer->has_time);
  CHECK(format_rfc3339(*summer) == "2024-06-12T00:00:00+01:00");
  auto winter = parse_datetime("2024-01-20", london, &error);
  REQUIRE(winter);
  CHECK(format_rfc3339(*winter) == "2024-01-20T00:00:00+00:00");
}

TEST_CASE("times without an offset are local; with an offset are kept") {
  TimeZone london("Europe/London");
  std::string error;
  auto local = parse_datetime("2024-06-12T09:30:00", london, &error);
  REQUIRE(local);
  CHECK(local->utc_seconds == days_from_civil(2024, 6, 12) * 86400 + 8 * 3600 + 30 * 60);
  auto offset = parse_datetime("2024-04-12T09:30:00+01:00", london, &error);
  REQUIRE(offset);
  CHECK(format_rfc3339(*offset) == "2024-04-12T09:30:00+01:00");
  auto zulu = parse_datetime("2024-04-12T08:30:00Z", london, &error);
  REQUIRE(zulu);
  CHECK(zulu->utc_seconds == offset->utc_seconds);
  auto short_time = parse_datetime("2024-04-12T09:30", london, &error);
  REQUIRE(short_time);
  CHECK(short_time->utc_seconds == offset->utc_seconds);
}

TEST_CASE("invalid dates name the value and the expected form") {
  TimeZone london("Europe/London");
  std::string error;
  for (const char* bad : {"2024-13-45", "12/04/2024", "2023-02-29", "2024-04-12T25:00", "2024-04-12T09:30+1", "soon"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_datetime(bad, london, &error));
    CHECK(error == std::string("invalid date '") + bad +
                       "': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+HH:MM], e.g. 2024-04-12 or "
                       "2024-04-12T09:30:00+01:00");
  }
  CHECK(parse_datetime("2024-02-29", london, &error));
}

TEST_CASE("output formats") {
  TimeZone london("Europe/London");
  std::string error;
  auto t = *parse_datetime("2024-04-12T09:30:00", london, &error);
  CHECK(format_rfc822(t) == "Fri, 12 Apr 2024 09:30:00 +0100");
  CHECK(format_iso_date(t) == "2024-04-12");
  CHECK(format_human_date(t) == "12 April 2024");
  CHECK(format_human_time(t) == "9:30am");
  CHECK(format_month_year(t) == "April 2024");
  CHECK(format_ical_local(t) == "20240412T093000");
  CHECK(format_ical_utc(t.utc_seconds) == "20240412T083000Z");
  auto noon = *parse_datetime("2024-04-12T12:00:00", london, &error);
  CHECK(format_human_time(noon) == "midday");
  auto afternoon = *parse_datetime("2024-04-12T14:00:00", london, &error);
  CHECK(format_human_time(afternoon) == "2pm");
}

TEST_CASE("dates and times of day in Welsh") {
  TimeZone london("Europe/London");
  std::string error;
  DisplayLanguage welsh("cy");
  auto t = *parse_datetime("2024-04-12T09:30:00", london, &error);
  CHECK(format_human_date(t) == "12 Ebrill 2024");
  CHECK(format_human_time(t) == "9:30yb");
  CHECK(format_human_time(*parse_datetime("2024-04-12T12:00:00", london, &error)) == "hanner dydd");
  CHECK(format_human_time(*parse_datetime("2024-04-12T16:00:00", london, &error)) == "4yh");
  CHECK(format_rfc822(t) == "Fri, 12 Apr 2024 09:30:00 +0100");  // for machines: never translated
}

TEST_CASE("in_zone shows an instant at the zone's offset of the day") {
  TimeZone london("Europe/London");
  int64_t july = days_from_civil(2024, 7, 1) * 86400;
  CHECK(in_zone(july, london).offset_seconds == 3600);
  CHECK(london.abbreviation_at(july) == "BST");
  int64_t december = days_from_civil(2024, 12, 1) * 86400;
  CHECK(in_zone(december, london).offset_seconds == 0);
  CHECK_FALSE(TimeZone("Mars/Olympus").valid());
  CHECK(TimeZone("Europe/London").valid());
}

TEST_CASE("a zone's offset is right on both sides of a change, asked in any order") {
  TimeZone london("Europe/London");
  // Summer time began at 01:00 UTC on 31 March 2024.
  int64_t change = days_from_civil(2024, 3, 31) * 86400 + 3600;
  CHECK(london.offset_at(change) == 3600);
  CHECK(london.offset_at(change - 1) == 0);
  CHECK(london.offset_at(change + 1800) == 3600);
  CHECK(london.offset_at(change - 1800) == 0);
  // Liberia moved from UTC-0:44:30 to UTC at 00:44:30 UTC on 7 January 1972:
  // within an hour, at an odd second.
  TimeZone monrovia("Africa/Monrovia");
  int64_t liberia = days_from_civil(1972, 1, 7) * 86400 + 44 * 60 + 30;
  for (int round = 0; round < 2; ++round) {  // the second time, from what was remembered
    CHECK(monrovia.offset_at(liberia) == 0);
    CHECK(monrovia.offset_at(liberia - 1) == -(44 * 60 + 30));
    CHECK(monrovia.offset_at(liberia - 44 * 60) == -(44 * 60 + 30));
    CHECK(monrovia.offset_at(liberia + 10 * 60) == 0);
  }
  // Two zones asked about the same instant in turn.
  TimeZone new_york("America/New_York");
  int64_t july = days_from_civil(2024, 7, 1) * 86400;
  for (int round = 0; round < 2; ++round) {
    CHECK(london.offset_at(july) == 3600);
    CHECK(new_york.offset_at(july) == -4 * 3600);
  }
  // Before 1970.
  CHECK(london.offset_at(days_from_civil(1969, 7, 1) * 86400) == 3600);  // British Standard Time, 1968–71
  CHECK(london.offset_at(days_from_civil(1960, 1, 1) * 86400 - 1) == 0);
}
