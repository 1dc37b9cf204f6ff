#ifndef FOOTAGE_CFFMPEG_SHIM_H
#define FOOTAGE_CFFMPEG_SHIM_H

#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/display.h>
#include <libavutil/mastering_display_metadata.h>
#include <libavutil/stereo3d.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/mem.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libavutil/channel_layout.h>
#include <libswscale/swscale.h>
#include <libswresample/swresample.h>

// Swift cannot import function-like macros; these expose the few we need.

static inline int footage_averror(int posix_errno) { return AVERROR(posix_errno); }
static inline int footage_averror_eof(void) { return AVERROR_EOF; }
static inline int footage_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int64_t footage_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline int footage_error_buffer_size(void) { return AV_ERROR_MAX_STRING_SIZE; }
static inline AVRational footage_time_base_q(void) { return AV_TIME_BASE_Q; }

#endif
