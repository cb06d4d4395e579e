// Files published as they are (static/ and bundles): which are left out, and which run script.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace herald {

/// The first part of `path` (a file's path below static/ or below its
/// bundle's folder, e.g. `images/.DS_Store`) whose name starts with a dot,
/// or empty when none does. Such files are never published: `.htaccess`,
/// `.env`, `.git/…`, `.DS_Store`. With `in_static`, the top folder
/// `.well-known/` (security.txt and the like) is published, though not a
/// dot-file inside it.
std::string hidden_part(std::string_view path, bool in_static);

/// True for the kinds of file a browser runs script in when it opens them:
/// HTML (`.html`, `.htm`, `.xhtml`, `.xht`, `.shtml`), SVG and XML, in any case.
bool may_run_script(std::string_view path);

/// The first script found in an HTML, SVG or XML file.
struct ScriptFound {
  size_t offset = 0;  ///< of the tag or attribute, in the file's bytes
  std::string what;   ///< "a <script> element", "an 'onload' attribute", ...
};

/// Finds what would run script when the file is opened on the site: a
/// `<script>` element, an SVG `<foreignObject>` (HTML inside a picture), an
/// event-handler attribute (`onload=`, `onclick=`...), or an attribute whose
/// value holds a `javascript:` or `vbscript:` address (entities decoded,
/// spaces and control characters dropped). Cheap, and not a sanitiser: it
/// tells an author, it does not make a file safe.
std::optional<ScriptFound> find_script(std::string_view text);

}  // namespace herald
