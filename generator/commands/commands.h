// The subcommands of the herald command line.
#pragma once

#include <string>

#include "commands/pipeline.h"

namespace herald {

/// `herald build`: publishes the site; returns the exit status.
int command_build(const BuildOptions& options);

/// `herald check`: every validation of build, writing nothing. `format` is
/// text, github or json.
int command_check(const BuildOptions& options, const std::string& format);

/// `herald changes`: the procedures amendments between two refs, as text.
int command_changes(const std::string& repo, const std::string& from, const std::string& to);

/// `herald new KIND "Title"`: a new content file from the theme's archetype.
int command_new(const std::string& repo, const std::string& kind, const std::string& title,
                const std::string& today);

/// `herald serve`: live preview of the working tree.
int command_serve(const std::string& repo, const std::string& bind, int port, bool drafts);

}  // namespace herald
