#pragma once
#include <gtest/gtest.h>

#include <string>

namespace jb::test {

// `jbridge stats --json ARCHIVE`, without the trailing newline (a test failure if it fails).
std::string stats_of(const std::string& archive);

// The archive as a sorted native bundle with the platform instance (host:port of a simulator)
// replaced by HOST, so that a pull and an offline import of the same data compare equal.
std::string contents(const std::string& archive, const std::string& instance);

// Equal bundles (as contents() gives them), or the number of differing lines and the first of them.
testing::AssertionResult same_contents(const std::string& actual, const std::string& expected);

// Every raw capture the archive keeps, decompressed and joined (to look for secrets in them).
std::string stored_captures(const std::string& archive);

}  // namespace jb::test
