// A newsletter's body as email HTML: the Markdown tree walked, every element's style inline, every URL whole.
#pragma once

#include <string>

#include "core/diagnostic.h"
#include "output/email/email_source.h"
#include "output/email/email_style.h"

namespace herald {

/// The body as email HTML: headings, paragraphs, lists, simple tables (a
/// header row of <th scope="col">), quotes, code, pictures and contact cards,
/// each element with its style inline (`styles`), so that a mail program
/// that drops <style> blocks shows it the same. Links and pictures have
/// whole addresses of the site; a picture of the site has its width and
/// height (at most the text's width, scaled down whole); a contact card is
/// a bordered box whose numbers are tel: links. The body's first `##` has no
/// line above it.
///
/// A picture without alt text is an error at its line (`page.links` says
/// where it is written): a mail program often shows no pictures until the
/// reader allows them, and a screen reader needs the words. Their number
/// goes to `*missing_alt`.
std::string email_body_html(const EmailSource& source, const EmailStyles& styles, Diagnostics& diags,
                            size_t* missing_alt);

}  // namespace herald
