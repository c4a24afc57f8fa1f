#pragma once

namespace jb {
// Set from CMake's project(VERSION).
inline constexpr const char* kJbridgeVersion = JBRIDGE_VERSION;
}
