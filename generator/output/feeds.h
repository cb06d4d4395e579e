// RSS 2.0, Atom 1.0 and JSON Feed 1.1: site-wide, per section, topic and audience.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "content/library.h"
#include "templates/data_hash.h"

namespace herald {

/// One entry of a feed, already in absolute URLs.
struct FeedItem {
  std::string id;       ///< stable: a tag URI that survives edits and rebuilds
  std::string title;
  std::string url;      ///< absolute
  int64_t published = 0;
  int64_t updated = 0;
  std::string summary;  ///< plain text
  std::vector<std::string> categories;
  const Page* page = nullptr;  ///< the page it is made from, until its content is filled in

  /// The HTML content, absolute URLs; empty when feeds carry summaries only.
  const std::string& content_html() const;
  /// Its key, for feed_key: hashed once however many feeds carry the page.
  const Hash128& content_key() const;
  void set_content_html(std::string html);

  /// A page's content, shared by every feed that carries it.
  struct Content {
    std::string html;
    Hash128 key;
  };
  std::shared_ptr<const Content> content;
};

/// A feed: where it is published and what it carries, newest first.
struct Feed {
  std::string path;   ///< folder of the feed files, e.g. "" or "briefings/" or "topics/neglect/"
  std::string title;
  std::string page_url;  ///< the HTML page the feed follows (absolute)
  std::vector<FeedItem> items;
};

/// Every feed the site publishes (site-wide, sections, topics, audiences).
std::vector<Feed> collect_feeds(const Library& library);

std::string make_rss(const Feed& feed, const Library& library);
std::string make_atom(const Feed& feed, const Library& library);
std::string make_json_feed(const Feed& feed, const Library& library);

/// A hash of all that make_rss, make_atom or make_json_feed (`format`) reads:
/// the feed, the site's settings and, for an empty feed, the commit's time.
/// Equal keys make equal files, so an unchanged feed is not made again.
Hash128 feed_key(const Feed& feed, const Library& library, std::string_view format);

/// A page's HTML body with every relative link and image made absolute.
std::string absolute_html(const Page& page, const Library& library);

}  // namespace herald
