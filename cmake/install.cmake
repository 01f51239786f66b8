# install.cmake — what `cmake --install` puts in place: the cnnc program, libcnnc.so
# (SONAME libcnnc.so.<major>) and libcnnc.a, the CUDA plugin next to them, the public
# headers (include/cnnc), cnnc.pc, and a CMake package (find_package(cnnc): the
# targets cnnc::cnnc, shared, and cnnc::cnnc_static). Both files locate the prefix from
# where they are installed, so `cmake --install build --prefix DIR` works for any DIR.
include(CMakePackageConfigHelpers)

install(TARGETS cnnc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS cnnc_shared LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development)
install(TARGETS cnnc_lib ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
if(TARGET cnnc_cuda)
  # bin/cnnc and lib/libcnnc.so both look in lib/ (src/engine/cuda_loader.c).
  install(TARGETS cnnc_cuda LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_SKIP)
  if(NOT CNNC_LDCONFIG MATCHES "libcublas\\.so\\.${CUDAToolkit_VERSION_MAJOR}")
    set_target_properties(cnnc_cuda PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
  endif()
endif()
if(TARGET cnnc_mpi)
  # found in lib/ like the CUDA plugin (src/engine/mpi_loader.c)
  install(TARGETS cnnc_mpi LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/cnnc DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")

# The prefix seen from lib/pkgconfig and from lib/cmake/cnnc.
file(RELATIVE_PATH CNNC_PC_TO_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
file(RELATIVE_PATH CNNC_CMAKE_TO_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/cmake/cnnc" "/p")
# What a program linking libcnnc.a needs besides it (libcnnc.so carries these itself).
set(CNNC_STATIC_DEPS "cjson;png16;jpeg;z;gomp;pthread;dl;m")   # OpenBLAS: dlopen on first use
string(REPLACE ";" " -l" CNNC_STATIC_DEPS_FLAGS "-l${CNNC_STATIC_DEPS}")

configure_file(${PROJECT_SOURCE_DIR}/cmake/cnnc.pc.in ${PROJECT_BINARY_DIR}/cnnc.pc @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/cmake/cnnc-config.cmake.in ${PROJECT_BINARY_DIR}/cnnc-config.cmake @ONLY)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cnnc-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cnnc.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
install(FILES ${PROJECT_BINARY_DIR}/cnnc-config.cmake ${PROJECT_BINARY_DIR}/cnnc-config-version.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/cnnc)
