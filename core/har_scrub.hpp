#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace jb::har {

// Copies the HAR at `input` to `output` with every secret replaced by "[scrubbed]": secret
// headers (Cookie, Authorization, Access-Token, the NetSchool `at` session header, …), all cookie
// values, secret query parameters in URLs and queryString, secret fields of form and JSON request
// bodies (postData), and secret members of JSON response bodies. Everything else is kept as it
// was; the copy is re-serialised compactly. Streams: memory stays bounded whatever the size.
// Returns the number of values replaced; throws jb::Error for a malformed HAR.
std::size_t scrub_har_file(const std::string& input, const std::string& output);

// The same over text in memory (tests, fuzzing); `name` stands for the file in messages.
std::string scrub_har_text(std::string_view text, const std::string& name, std::size_t* replaced = nullptr);

}  // namespace jb::har
