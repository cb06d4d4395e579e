// Unit: hashing template data — equal data, equal hash; any change, another.
#include <doctest/doctest.h>

#include "templates/data_hash.h"
#include "templates/template_data.h"

using herald::hash_template_data;
using herald::TemplateData;
namespace mustache = kainjow::mustache;

namespace {

TemplateData sample() {
  TemplateData d;
  d.set("title", "Neglect");
  d.set("draft", false);
  mustache::list toc;
  TemplateData item;
  item.set("text", "Purpose");
  item.set("anchor", "purpose");
  toc.push_back(item);
  d.set("toc", toc);
  TemplateData site;
  site.set("title", "Testshire");
  d.set("site", site);
  return d;
}

}  // namespace

TEST_CASE("data_hash: equal data gives an equal hash, whatever order its keys were set in") {
  TemplateData a = sample();
  TemplateData b;
  TemplateData site;
  site.set("title", "Testshire");
  b.set("site", site);
  mustache::list toc;
  TemplateData item;
  item.set("anchor", "purpose");
  item.set("text", "Purpose");
  toc.push_back(item);
  b.set("toc", toc);
  b.set("draft", false);
  b.set("title", "Neglect");
  REQUIRE(hash_template_data("page", a));
  CHECK(*hash_template_data("page", a) == *hash_template_data("page", b));
}

TEST_CASE("data_hash: any change of value, key, type, order of a list or template gives another hash") {
  auto base = *hash_template_data("page", sample());
  CHECK(*hash_template_data("briefing", sample()) != base);
  auto changed = [&](auto&& change) {
    TemplateData d = sample();
    change(d);
    return *hash_template_data("page", d) != base;
  };
  CHECK(changed([](TemplateData& d) { d.set("title", "Neglect "); }));
  CHECK(changed([](TemplateData& d) { d.set("draft", true); }));
  CHECK(changed([](TemplateData& d) { d.set("draft", "false"); }));
  CHECK(changed([](TemplateData& d) { d.set("extra", ""); }));
  CHECK(changed([](TemplateData& d) { d.set("toc", mustache::list{}); }));
  CHECK(changed([](TemplateData& d) {
    TemplateData site;
    site.set("title", "Testshire!");
    d.set("site", site);
  }));
  CHECK(changed([](TemplateData& d) {
    mustache::list toc;
    for (const char* text : {"Two", "One"}) {
      TemplateData item;
      item.set("text", text);
      toc.push_back(item);
    }
    d.set("toc", toc);
    mustache::list reversed;
    for (const char* text : {"One", "Two"}) {
      TemplateData item;
      item.set("text", text);
      reversed.push_back(item);
    }
    TemplateData other = d;
    other.set("toc", reversed);
    REQUIRE(*hash_template_data("page", other) != *hash_template_data("page", d));
  }));
  // Moving a value between keys is a change too (key and value are hashed together).
  TemplateData x, y;
  x.set("a", "1");
  x.set("b", "2");
  y.set("a", "2");
  y.set("b", "1");
  CHECK(*hash_template_data("page", x) != *hash_template_data("page", y));
}

TEST_CASE("data_hash: data holding a lambda or a partial cannot be compared") {
  TemplateData d = sample();
  d.set("card", mustache::partial([] { return std::string("{{title}}"); }));
  CHECK_FALSE(hash_template_data("page", d));
  TemplateData e = sample();
  e.set("upper", mustache::lambda([](const std::string& s) { return s; }));
  CHECK_FALSE(hash_template_data("page", e));
}
