# Install rules and the Debian package (CPack's DEB generator), made by
# scripts/package.sh from the build in build/: docs/packaging.md.
#
#   <prefix>/bin/herald
#   <prefix>/lib/herald/herald-pdf.so       the print PDFs' module
#   <prefix>/lib/herald/herald-network.so   libcurl's client: `herald check --external`, `herald email`
#   <prefix>/lib/herald/pagefind            Pagefind's own binary, from the pinned npm package
#   <prefix>/share/man/man1/herald.1.gz     made by scripts/package.sh with help2man
#   <prefix>/share/doc/herald/              copyright, changelog.gz, Pagefind's licence
#   <prefix>/share/lintian/overrides/herald
#
# herald finds the module and Pagefind in lib/herald/ from its own folder
# (core/install_layout.h), so any prefix works as /usr does.
include(GNUInstallDirs)

install(TARGETS herald RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS herald_pdf herald_network LIBRARY DESTINATION ${HERALD_INSTALL_FILES_DIR})

# Pagefind's native binary (static, no libraries) from the npm package that
# `npm ci` installed for this machine's processor: the one in_node_modules()
# would run, so the package indexes with the version the tests use.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64)$")
  set(HERALD_PAGEFIND_PLATFORM linux-x64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  set(HERALD_PAGEFIND_PLATFORM linux-arm64)
endif()
set(HERALD_PAGEFIND_BINARY "")
foreach(name pagefind_extended pagefind)
  set(candidate ${CMAKE_SOURCE_DIR}/node_modules/@pagefind/${HERALD_PAGEFIND_PLATFORM}/bin/${name})
  if(HERALD_PAGEFIND_PLATFORM AND NOT HERALD_PAGEFIND_BINARY AND EXISTS ${candidate})
    set(HERALD_PAGEFIND_BINARY ${candidate})
  endif()
endforeach()
if(HERALD_PAGEFIND_BINARY)
  install(PROGRAMS ${HERALD_PAGEFIND_BINARY} DESTINATION ${HERALD_INSTALL_FILES_DIR} RENAME pagefind)
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/node_modules/pagefind/LICENSE/
          DESTINATION ${CMAKE_INSTALL_DOCDIR}/pagefind)
else()
  message(STATUS "Pagefind's binary is not in node_modules/: herald is installed without it (run `npm ci`)")
endif()

# The manual page and the package's changelog, when scripts/package.sh has made them.
install(FILES ${CMAKE_BINARY_DIR}/package/herald.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 OPTIONAL)
install(FILES ${CMAKE_BINARY_DIR}/package/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR} OPTIONAL)
install(FILES ${CMAKE_SOURCE_DIR}/cmake/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/cmake/debian/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides RENAME herald)

# ---- The Debian package: herald_<version>_<arch>.deb ----------------------
# CPack also adds a postinst and postrm calling ldconfig, as it does for any
# .so under /usr/lib: harmless for the module, which is opened by its path.
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_PACKAGE_NAME herald)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(HERALD_PACKAGE_MAINTAINER "herald maintainers <maintainers@herald.example>"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT ${HERALD_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${HERALD_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "publishes a safeguarding partnership's website from its git repository")
# The Description: the summary's line, then these (CPack joins them).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "herald turns the Markdown committed in a site's git repository (newsletters,\n"
    "7-minute briefings, multi-agency procedures, events and a contact directory)\n"
    "into an accessible static website with feeds, print PDFs and a search index.")
string(REPLACE ";" "" CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_DEBIAN_PACKAGE_DESCRIPTION}")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # herald_<version>_<arch>.deb
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# The libraries herald and its module link, from dpkg-shlibdeps; and what
# they read at run time that no library names: git for the site's editors
# (and the workflow that publishes), the time zones of herald.yaml's
# `timezone`, and the DejaVu fonts the print PDFs are set in.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "git, tzdata, fonts-dejavu-core")
# install.sh builds RelWithDebInfo: the package has the code without the debug information.
set(CPACK_STRIP_FILES ON)
include(CPack)
