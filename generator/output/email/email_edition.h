// A newsletter's email edition (spec §13): email.html, email.txt and <slug>.eml beside its page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/library.h"
#include "core/diagnostic.h"
#include "output/email/email_source.h"
#include "output/email/mime_message.h"
#include "output/output_set.h"
#include "output/site_renderer.h"
#include "templates/renderer.h"
#include "templates/view_model.h"

namespace herald {

/// The largest email.html herald writes: Gmail shows about 102 KB of a
/// message's HTML and cuts the rest (the end of the newsletter, and its
/// unsubscribe link) behind "View entire message".
constexpr size_t kMaxEmailHtmlBytes = 100 * 1024;

/// One newsletter's email edition.
struct EmailEdition {
  std::string html;     ///< email.html
  std::string text;     ///< email.txt
  MimeMessage message;  ///< both, with the headers of the issue; no To
};

/// One language's newsletter in an edition.
struct EditionLanguage {
  const Library* library;
  const Page* page;
};

/// The languages an edition of `page` (of `library`) is in: the newsletter
/// and each published translation of it, Welsh first (the Welsh Language
/// Standards: a message to many people in Welsh and English together), then
/// the others in the site's order. One, for a newsletter in one language.
std::vector<EditionLanguage> edition_languages(const Library& library, const Page& page);

/// The site's files by output path, for pictures' sizes.
EmailFiles make_email_files(const Library& library);

/// Makes the email edition of `page` (a newsletter) with the theme's
/// email.mustache and email_text.mustache: one part for each of its
/// edition_languages, each in its own language, the subject each one's title. An image without alt text, or
/// an email.html over kMaxEmailHtmlBytes, is an error at the page's source
/// (reported into `diags`), and gives nullopt; so does a body that cannot
/// be read again from git.
std::optional<EmailEdition> make_email_edition(const ViewModel& vm, const Renderer& renderer, const Page& page,
                                               const EmailFiles& files, Diagnostics& diags);

/// Where the edition's files go: newsletters/<slug>/email.html,
/// newsletters/<slug>/email.txt and newsletters/<slug>/<slug>.eml.
std::string email_html_path(const Page& page);
std::string email_text_path(const Page& page);
std::string email_message_path(const Page& page);

/// With `email:` in herald.yaml, a render task per published newsletter
/// writing its edition's three files; each is kept from the previous build
/// when what it is made from is unchanged (its page's key, its pictures'
/// and the logo's bytes).
void add_email_tasks(const Library& library, const Renderer& renderer, OutputSet& out, Diagnostics& diags,
                     std::vector<RenderTask>& tasks);

}  // namespace herald
