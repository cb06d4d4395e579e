// Page helpers: kind names and the list order.
#include "content/page.h"

#include <tuple>

namespace herald {

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::home: return "home";
    case Kind::section: return "section";
    case Kind::newsletter: return "newsletter";
    case Kind::briefing: return "briefing";
    case Kind::manual: return "manual";
    case Kind::chapter: return "chapter";
    case Kind::event: return "event";
    case Kind::report: return "report";
    case Kind::board: return "board";
    case Kind::meeting: return "meeting";
    case Kind::page: return "page";
  }
  return "page";
}

bool newer_first(const Page* a, const Page* b) {
  int64_t ta = a->sort_time(), tb = b->sort_time();
  if (ta != tb) return ta > tb;
  return std::tie(a->title, a->url) < std::tie(b->title, b->url);
}

}  // namespace herald
