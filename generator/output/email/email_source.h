// What a newsletter's Markdown needs to become the email edition's HTML and text: its tree, the site, its files.
#pragma once

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "config/config.h"
#include "content/contacts.h"
#include "content/page.h"
#include "output/email/image_size.h"

namespace herald {

class Document;
struct Library;

/// The site's files by output path (newsletters/autumn-2026/photo.png): the
/// pictures whose sizes the email's <img> elements give.
using EmailFiles = std::unordered_map<std::string, const std::string*>;

/// One newsletter's body, and what its links and shortcodes lead to.
struct EmailSource {
  const Page* page = nullptr;
  const Document* doc = nullptr;  ///< with its tree (root() not null)
  const Config* config = nullptr;
  const ContactDirectory* contacts = nullptr;  ///< may be null
  const EmailFiles* files = nullptr;           ///< may be null: no sizes
  /// The page's language's library (may be null): in another language's, a
  /// link to a file of static/ leads to the site's top, where the file is.
  const Library* library = nullptr;
};

/// A URL written in the page at site path `page_url`, as a whole address of
/// the site's `base_url`: `/about/`, `photo.png`, `../x/` and `#part` (on the
/// web page) are made absolute; other sites' addresses, `mailto:` and `tel:`
/// stay as they are; `//host/x` gets `https:`.
std::string absolute_link(std::string_view url, const std::string& page_url, const Config& config);

/// absolute_link for a URL written in `s`'s page, a file of static/ at the
/// site's top whichever language's folder the page is in.
std::string absolute_link(std::string_view url, const EmailSource& s);

/// The size a picture of the site has (`url` as written in the page), or
/// nullopt for another site's picture or a file whose size cannot be read.
std::optional<PixelSize> site_image_size(std::string_view url, const EmailSource& source);

/// The text of a node's children, for an image's alt text or a link's.
std::string node_text(cmark_node* node);

/// True for a node of a GFM extension named `name` ("table", "strikethrough").
bool is_node_type(cmark_node* node, const char* name);

/// The literal of a node, or "".
std::string node_literal(cmark_node* node);

}  // namespace herald
