#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "tools/gen-synthetic/random.hpp"

namespace jb::synth {

inline constexpr int kSchoolDays = 5;   // Monday to Friday
inline constexpr int kMaxLessons = 7;   // lesson numbers 1…7

// Start of lesson number n+1 in minutes since midnight; every lesson lasts 45 minutes.
inline constexpr std::array<int, kMaxLessons> kLessonStart{8 * 60 + 30, 9 * 60 + 25,  10 * 60 + 30, 11 * 60 + 35,
                                                           12 * 60 + 30, 13 * 60 + 25, 14 * 60 + 20};
inline constexpr int kLessonMinutes = 45;

// A class's week: days[d][n] is the subject index of lesson number n+1 on weekday d.
struct Timetable {
    std::array<std::vector<int>, kSchoolDays> days;
};

// One bit per (day, lesson number) a teacher is already teaching in.
using Busy = std::uint64_t;
inline constexpr Busy busy_bit(int day, int lesson) { return Busy{1} << (day * kMaxLessons + lesson); }

// Spreads `hours[s]` lessons of every subject over the week, the same subject at most once a day
// where possible, and orders each day so that none of the subject's teachers (`teachers[s]`,
// indices into `busy`; -1 for none) teaches another class at that time. Marks the teachers busy.
Timetable build_timetable(std::span<const int> hours, std::span<const std::array<int, 2>> teachers,
                          std::vector<Busy>& busy, Rng& rng);

}  // namespace jb::synth
