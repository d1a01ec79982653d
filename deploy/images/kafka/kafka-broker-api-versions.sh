#!/bin/bash
# The stand-in ships no Kafka command-line tools; compose's health check calls this name in both images. A KRaft
# broker opens its client listener only once it has caught up with the controller and is unfenced, so a listening
# port here means what the real tool's answer means to a health check: the broker takes requests.
port=9092
while [ $# -gt 0 ]; do
  case "$1" in
    --bootstrap-server) port="${2##*:}"; shift 2 ;;
    *) shift ;;
  esac
done
exec 3<>"/dev/tcp/127.0.0.1/$port"
