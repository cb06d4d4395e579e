// Tests for serve/host_rule: which Host headers the preview answers, and what a refused request is told.
#include "serve/host_rule.h"

#include <doctest/doctest.h>

#include <string>

#include "support/site_builder.h"

using herald::HostRule;
using herald::test::contains;

TEST_CASE("the preview on 127.0.0.1 answers its loopback names, with or without its port, in any case") {
  HostRule rule("127.0.0.1", 1313);
  for (const char* host : {"127.0.0.1", "127.0.0.1:1313", "localhost", "localhost:1313", "LocalHost:1313",
                           "LOCALHOST", "[::1]", "[::1]:1313", " localhost:1313 "}) {
    CAPTURE(host);
    CHECK(rule.allows(host, "127.0.0.1"));
  }
}

TEST_CASE("any other name is refused, however close to one of the preview's own") {
  HostRule rule("127.0.0.1", 1313);
  for (const char* host :
       {"evil.example", "evil.example:1313", "localhost.evil.example", "127.0.0.1.evil.example:1313",
        "evil.example#@localhost", "localhost:1313@evil.example", "localhost.", "localhost.:1313",
        "127.0.0.2", "0.0.0.0:1313", "::1", "::1:1313", "[::1", "[::1]1313", "[::2]:1313", "", ":1313",
        "sams-laptop:1313",
        // the right name on another port, or a port that is no number
        "localhost:1314", "127.0.0.1:80", "localhost:", "localhost:1313:1313", "localhost:01313",
        "localhost:+1313", "localhost: 1313"}) {
    CAPTURE(host);
    CHECK_FALSE(rule.allows(host, "127.0.0.1"));
  }
}

TEST_CASE("the --bind address is answered too, an IPv6 one in brackets") {
  HostRule lan("192.0.2.7", 8080);
  CHECK(lan.allows("192.0.2.7:8080", "192.0.2.7"));
  CHECK(lan.allows("192.0.2.7", "192.0.2.7"));
  CHECK_FALSE(lan.allows("192.0.2.8:8080", "192.0.2.7"));

  HostRule v6("2001:DB8::7", 8080);
  CHECK(v6.allows("[2001:db8::7]:8080", "2001:db8::7"));
  CHECK(v6.allows("[2001:DB8::7]", "2001:db8::7"));
  CHECK_FALSE(v6.allows("2001:db8::7", "2001:db8::7"));
  CHECK_FALSE(v6.allows("[2001:db8::8]:8080", "2001:db8::7"));

  HostRule named("localhost", 8080);
  CHECK(named.allows("localhost:8080", "127.0.0.1"));
}

TEST_CASE(
    "bound to every address, the preview answers the address each connection came in on, never a name") {
  HostRule any4("0.0.0.0", 1313);
  CHECK(any4.allows("192.0.2.7:1313", "192.0.2.7"));
  CHECK(any4.allows("localhost:1313", "127.0.0.1"));
  CHECK(any4.allows("0.0.0.0:1313", "127.0.0.1"));
  CHECK_FALSE(any4.allows("192.0.2.8:1313", "192.0.2.7"));
  CHECK_FALSE(any4.allows("sams-laptop:1313", "192.0.2.7"));
  CHECK_FALSE(any4.allows("sams-laptop.local:1313", "192.0.2.7"));
  CHECK_FALSE(any4.allows("evil.example:1313", "192.0.2.7"));

  // On "::", IPv4 clients come in on IPv4 addresses written as IPv6 ones.
  HostRule any6("::", 1313);
  CHECK(any6.allows("192.0.2.7:1313", "::ffff:192.0.2.7"));
  CHECK(any6.allows("[2001:db8::7]:1313", "2001:db8::7"));
  CHECK(any6.allows("[::]:1313", "::1"));
  CHECK_FALSE(any6.allows("[::ffff:192.0.2.7]:1313x", "::ffff:192.0.2.7"));
  CHECK_FALSE(any6.allows("evil.example:1313", "::ffff:192.0.2.7"));
}

TEST_CASE("a refused request is told which addresses to use") {
  CHECK(HostRule("127.0.0.1", 1313).wrong_host_message() ==
        "403 Forbidden: open the preview at http://127.0.0.1:1313/ or http://localhost:1313/ instead. It "
        "answers no "
        "other address, so that other websites cannot read it.\n");
  CHECK(contains(HostRule("::1", 1313).wrong_host_message(),
                 "at http://[::1]:1313/ or http://localhost:1313/ instead"));
  CHECK(contains(HostRule("192.0.2.7", 8080).wrong_host_message(), "at http://192.0.2.7:8080/ instead"));
  CHECK(contains(
      HostRule("0.0.0.0", 1313).wrong_host_message(),
      "at http://127.0.0.1:1313/, http://localhost:1313/ or this computer's own IP address with :1313 "
      "instead"));
  CHECK(
      HostRule("127.0.0.1", 1313).missing_host_message() ==
      "400 Bad Request: the request does not say which address it is for (it needs one Host header, as every "
      "browser sends). Open the preview in a browser at http://127.0.0.1:1313/ or http://localhost:1313/.\n");
}
