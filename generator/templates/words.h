// The theme's words in each language herald publishes in (English and Welsh).
#pragma once

#include <string>
#include <string_view>

#include "templates/template_data.h"

namespace herald {

/// `english` in the language of `tag` ("cy", "en-GB"): the Welsh where
/// herald has it, else `english` itself.
std::string translate(const std::string& tag, std::string_view english);

/// `english` in this thread's display language (core/display_language.h).
std::string tr(std::string_view english);

/// Every word the templates show, by name (`{{words.skip_link}}`), in this
/// thread's display language.
kainjow::mustache::data words_data();

}  // namespace herald
