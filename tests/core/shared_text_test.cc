// Tests for core/shared_text: owned text, text kept alive by its owner, and copies.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "core/shared_text.h"

using namespace herald;

TEST_CASE("shared text holds a string of its own") {
  std::string source = "<p>Call the team.</p>\n";
  SharedText text(source);
  source.assign(source.size(), 'x');  // the text has its own copy
  CHECK(text.view() == "<p>Call the team.</p>\n");
  CHECK(text.str() == "<p>Call the team.</p>\n");
  CHECK(text.size() == 22);
  CHECK_FALSE(text.empty());
  CHECK(SharedText().empty());
  CHECK(SharedText(std::string()).empty());
}

TEST_CASE("shared text keeps the buffer it points into alive, and copies share it") {
  auto buffer = std::make_shared<const std::string>("header<p>Body.</p>trailer");
  std::weak_ptr<const std::string> watch = buffer;
  std::string_view inside = std::string_view(*buffer).substr(6, 12);
  SharedText text(inside, buffer);
  SharedText copy = text;
  buffer.reset();
  CHECK_FALSE(watch.expired());
  CHECK(copy.view().data() == text.view().data());  // shared, not copied
  text = SharedText();
  CHECK_FALSE(watch.expired());
  CHECK(copy == std::string_view("<p>Body.</p>"));
  copy = SharedText();
  CHECK(watch.expired());  // the last holder let it go
}

TEST_CASE("shared texts compare by their bytes") {
  auto buffer = std::make_shared<const std::string>("<p>a</p><p>a</p>");
  SharedText first(std::string_view(*buffer).substr(0, 8), buffer);
  SharedText second(std::string_view(*buffer).substr(8, 8), buffer);
  CHECK(first == second);
  CHECK(first == SharedText(std::string("<p>a</p>")));
  CHECK_FALSE(first == SharedText(std::string("<p>b</p>")));
}
