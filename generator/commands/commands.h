// The subcommands of the herald command line.
#pragma once

#include <optional>
#include <string>

#include "commands/pipeline.h"

namespace herald {

/// `herald build`: publishes the site; returns the exit status.
int command_build(const BuildOptions& options);

/// `herald check`: every validation of build, writing nothing. `format` is
/// text, github or json. With `external`, every http(s) link of the site is
/// also requested (check_external.cc).
int command_check(const BuildOptions& options, const std::string& format, bool external = false);

/// `herald changes`: the procedures amendments between two refs, as text.
int command_changes(const std::string& repo, const std::string& from, const std::string& to);

/// `herald new KIND "Title"`: a new content file from the theme's archetype.
int command_new(const std::string& repo, const std::string& kind, const std::string& title,
                const std::string& today);

/// What `herald init` was given.
struct InitOptions {
  std::string dir;                      ///< the folder to make the site in: new, or empty
  std::optional<std::string> title;     ///< --title; asked for on a terminal when missing
  std::optional<std::string> base_url;  ///< --base-url; likewise
  bool example = false;                 ///< --example: one example of each kind of page
  std::optional<std::string> languages; ///< --languages en-GB,cy: a site in English and Welsh
};

/// `herald init DIR`: a new site repository that builds at once. Exit status
/// 0, or 2 when it made nothing (a missing option, a folder not empty).
int command_init(const InitOptions& options);

/// What `herald email` was given.
struct EmailOptions {
  BuildOptions build;  ///< --repo, --ref, --drafts, --now: which commit, and as when
  std::string slug;    ///< the newsletter
  std::string to;      ///< the one address it is sent to
  std::string smtp = "smtp://localhost:25";
  bool starttls = false;  ///< require STARTTLS
  std::string user;       ///< the login; its password from HERALD_SMTP_PASSWORD
};

/// `herald email SLUG --to ADDRESS`: the newsletter's email edition, made
/// from the commit as `build` makes it, with a `To` header, sent to one
/// address by SMTP (the network module). Exit status 0; 1 when the site has
/// errors; 2 when nothing could be sent (no such newsletter, no `email:` in
/// herald.yaml, the server refused: its answer is in the message).
int command_email(const EmailOptions& options);

/// `herald serve`: live preview of the working tree.
int command_serve(const std::string& repo, const std::string& bind, int port, bool drafts);

}  // namespace herald
