// Tests for output/ics: folding, escaping, VTIMEZONE and one VEVENT per session.
#include <doctest/doctest.h>

#include "output/ics.h"

using namespace herald;

TEST_CASE("lines fold at 75 octets without splitting UTF-8") {
  std::string line = "DESCRIPTION:" + std::string(70, 'a') + "\xC3\xA9" + std::string(80, 'b');
  std::string folded = fold_ical_line(line);
  size_t start = 0;
  while (true) {
    size_t end = folded.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    CHECK(end - start <= 75);
    if (end + 2 == folded.size()) break;
    CHECK(folded[end + 2] == ' ');
    start = end + 2;
  }
  CHECK(folded.find("\xC3\r\n") == std::string::npos);
  std::string unfolded;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\r\n ") == 0) { i += 2; continue; }
    unfolded += folded[i];
  }
  CHECK(unfolded == line + "\r\n");
}

TEST_CASE("text values are escaped") {
  CHECK(escape_ical_text("Room 1; Hall, Level 2\\3\nNext\x01") == "Room 1\\; Hall\\, Level 2\\\\3\\nNext");
}

TEST_CASE("a calendar has a VTIMEZONE and one VEVENT per session") {
  Library lib;
  lib.config.title = "Testshire";
  lib.config.base_url = "https://testshire.example/";
  TimeZone zone("Europe/London");
  std::string error;
  Page course;
  course.kind = Kind::event;
  course.slug = "course";
  course.url = "/events/course/";
  course.title = "Course";
  course.location = "Hall";
  course.last_commit = 1700000000;
  course.sessions.push_back({*parse_datetime("2025-01-20T09:30", zone, &error), *parse_datetime("2025-01-20T12:00", zone, &error)});
  course.sessions.push_back({*parse_datetime("2025-06-15T09:30", zone, &error), *parse_datetime("2025-06-15T12:00", zone, &error)});
  std::string ics = make_calendar({&course}, lib);
  CHECK(ics.find("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") == 0);
  CHECK(ics.find("TZID:Europe/London\r\n") != std::string::npos);
  CHECK(ics.find("BEGIN:DAYLIGHT\r\nDTSTART:20250330T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST") != std::string::npos);
  CHECK(ics.find("DTSTART;TZID=Europe/London:20250120T093000\r\n") != std::string::npos);
  CHECK(ics.find("DTSTART;TZID=Europe/London:20250615T093000\r\n") != std::string::npos);
  CHECK(ics.find("UID:course-1@testshire.example\r\n") != std::string::npos);
  CHECK(ics.find("UID:course-2@testshire.example\r\n") != std::string::npos);
  CHECK(ics.find("DTSTAMP:20231114T221320Z\r\n") != std::string::npos);
  CHECK(ics.find("SUMMARY:Course (session 2 of 2)\r\n") != std::string::npos);
  // Every line ends with CRLF.
  CHECK(ics.find("\n") == ics.find("\r\n") + 1);
  for (size_t i = 0; i < ics.size(); ++i)
    if (ics[i] == '\n') CHECK(ics[i - 1] == '\r');
}
