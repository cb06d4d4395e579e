// Tests for markdown/weekday_check: the forms of a weekday and date, and the warning for the wrong day.
#include <doctest/doctest.h>

#include "support/diagnostics.h"

#include "markdown/weekday_check.h"

using namespace herald;
using herald::test::messages;

TEST_CASE("the day of the week of a date") {
  CHECK(weekday_of(2019, 11, 25) == 1);  // a Monday
  CHECK(weekday_of(1970, 1, 1) == 4);
  CHECK(weekday_of(2024, 2, 29) == 4);
  CHECK_FALSE(weekday_of(2023, 2, 29));
  CHECK_FALSE(weekday_of(2024, 4, 31));
}

TEST_CASE("every form written is found") {
  auto found = find_weekday_dates(
      "Thursday 25 November 2019; Thu, 25th of Nov 2019; thursday November 25, 2019; Thurs 2019-11-25; "
      "Weds 1st Sept. 2021; Monday 31 April 2024; Sunday lunch on 3 May 2020; Mon 25 November");
  REQUIRE(found.size() == 5);
  CHECK(found[0].written == "Thursday 25 November 2019");
  CHECK(found[0].weekday == 4);
  CHECK(found[1].written == "Thu, 25th of Nov 2019");
  CHECK(found[2].written == "thursday November 25, 2019");
  CHECK(found[3].written == "Thurs 2019-11-25");
  CHECK(found[4].month == 9);
  CHECK(found[4].day == 1);
}

TEST_CASE("a weekday that is not the date's is a warning at its line and column") {
  Diagnostics diags;
  check_weekdays("Right: Monday 25 November 2019.\nWrong: on Thursday,\n25 November 2019.\n", "content/x.md", diags);
  CHECK(messages(diags) == std::vector<std::string>{
                               "content/x.md:2:11: warning: 'Thursday, 25 November 2019': 25 November 2019 is a "
                               "Monday, not a Thursday; check the date and the day"});
}
