"""JSON twins of the rotation board and 내 일정: the same forms check the input (Korean
messages), the same services write. Staff act for any meister, a meister for themself."""

from datetime import date

from django.http import Http404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.security import django_auth

from meisterhub.accounts.roles import require_staff

from .api_rotation_schemas import (
    AffectedOut,
    ApplyIn,
    BlockIn,
    BlockOut,
    BlockPatch,
    BoardOut,
    ErrorOut,
    LeaveIn,
    LeaveOut,
)
from .forms_rotation import BlockForm, LeaveForm
from .models import MeisterLeave, RotationBlock
from .permissions_rotation import access_block, access_leave, access_schedule_meister
from .rotation_board import board
from .services.rotation import (
    BookingsAffected,
    create_rotation_block,
    declare_leave,
    delete_rotation_block,
    update_rotation_block,
    withdraw_leave,
)
from .slots import monday_of

router = Router(auth=django_auth)


ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: AffectedOut | ErrorOut}


def _affected(error: BookingsAffected):
    """The 409 that names the bookings a change would move (the rest is config/api.py's)."""
    return Status(
        409,
        {
            "detail": error.message,
            "bookings": [
                {
                    "id": b.pk,
                    "starts_at": b.starts_at,
                    "ends_at": b.ends_at,
                    "company": b.who,
                    "status": b.get_status_display(),
                }
                for b in error.bookings
            ],
        },
    )


def _form_error(form):
    name, errors = next(iter(form.errors.items()))
    label = form.fields[name].label if name in form.fields else ""
    text = f"{label}: {errors[0]}" if label else errors[0]
    return Status(400, {"detail": text, "field": None if name == "__all__" else name})


def _not_found(message: str):
    return Status(404, {"detail": message, "field": None})


def _form_data(payload: Schema, base: dict | None = None) -> dict:
    """Form input from the payload; a PATCH sends only what changes, over the current values."""
    data = dict(base or {})
    for name, value in payload.dict(exclude_unset=base is not None).items():
        data[name] = "" if value is None else value
    data.pop("apply_to_bookings", None)
    return data


@router.get("/board", response={200: BoardOut, **ERRORS}, summary="상담 일정표 (운영자)")
def rotation_board(request, week: date | None = None):
    require_staff(request.user, "운영자만 볼 수 있습니다.")
    monday = monday_of(week or timezone.localdate())
    _, rows = board(monday)
    return {
        "monday": monday,
        "rows": [
            {
                "meister_id": row.meister.pk,
                "meister_name": row.meister.name,
                "cells": [
                    {
                        "day": cell.day,
                        "closed": cell.closed,
                        "leave": cell.leave,
                        "blocks": [e.block for e in cell.blocks if e.occurs],
                        "bookings": cell.bookings,
                    }
                    for cell in row.cells
                ],
            }
            for row in rows
        ],
    }


@router.get(
    "/meisters/{meister_id}/blocks",
    response={200: list[BlockOut], **ERRORS},
    summary="마이스터의 요일별 상담 일정",
)
def list_blocks(request, meister_id: int):
    try:
        meister = access_schedule_meister(request.user, meister_id)
    except Http404:
        return _not_found("마이스터를 찾을 수 없습니다.")
    return list(RotationBlock.objects.filter(meister=meister).order_by("weekday", "start_time"))


@router.post(
    "/meisters/{meister_id}/blocks",
    response={201: BlockOut, **ERRORS},
    summary="요일별 상담 일정 추가",
)
def create_block(request, meister_id: int, payload: BlockIn):
    try:
        meister = access_schedule_meister(request.user, meister_id)
    except Http404:
        return _not_found("마이스터를 찾을 수 없습니다.")
    form = BlockForm(_form_data(payload))
    if not form.is_valid():
        return _form_error(form)
    try:
        result = create_rotation_block(actor=request.user, meister=meister, **form.service_values())
    except BookingsAffected as error:
        return _affected(error)
    return Status(201, result.instance)


@router.patch(
    "/blocks/{block_id}", response={200: BlockOut, **ERRORS}, summary="요일별 상담 일정 수정"
)
def update_block(request, block_id: int, payload: BlockPatch):
    try:
        block = access_block(request.user, block_id)
    except Http404:
        return _not_found("상담 일정을 찾을 수 없습니다.")
    form = BlockForm(_form_data(payload, BlockForm.data_of(block)))
    if not form.is_valid():
        return _form_error(form)
    try:
        result = update_rotation_block(
            actor=request.user,
            block=block,
            apply_to_bookings=payload.apply_to_bookings,
            **form.service_values(),
        )
    except BookingsAffected as error:
        return _affected(error)
    return result.instance


@router.delete(
    "/blocks/{block_id}", response={204: None, **ERRORS}, summary="요일별 상담 일정 삭제"
)
def delete_block(request, block_id: int, payload: ApplyIn | None = None):
    try:
        block = access_block(request.user, block_id)
    except Http404:
        return _not_found("상담 일정을 찾을 수 없습니다.")
    apply = bool(payload and payload.apply_to_bookings)
    try:
        delete_rotation_block(actor=request.user, block=block, apply_to_bookings=apply)
    except BookingsAffected as error:
        return _affected(error)
    return Status(204, None)


@router.get(
    "/meisters/{meister_id}/leaves",
    response={200: list[LeaveOut], **ERRORS},
    summary="마이스터의 휴가 (오늘 이후)",
)
def list_leaves(request, meister_id: int):
    try:
        meister = access_schedule_meister(request.user, meister_id)
    except Http404:
        return _not_found("마이스터를 찾을 수 없습니다.")
    today = timezone.localdate()
    return list(
        MeisterLeave.objects.filter(meister=meister, ends_on__gte=today).order_by("starts_on")
    )


@router.post(
    "/meisters/{meister_id}/leaves", response={201: LeaveOut, **ERRORS}, summary="휴가 등록"
)
def create_leave(request, meister_id: int, payload: LeaveIn):
    try:
        meister = access_schedule_meister(request.user, meister_id)
    except Http404:
        return _not_found("마이스터를 찾을 수 없습니다.")
    form = LeaveForm(_form_data(payload))
    if not form.is_valid():
        return _form_error(form)
    data = form.cleaned_data
    try:
        result = declare_leave(
            actor=request.user,
            meister=meister,
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            reason=data["reason"],
            apply_to_bookings=payload.apply_to_bookings,
        )
    except BookingsAffected as error:
        return _affected(error)
    return Status(201, result.instance)


@router.delete("/leaves/{leave_id}", response={204: None, **ERRORS}, summary="휴가 철회")
def delete_leave(request, leave_id: int):
    try:
        leave = access_leave(request.user, leave_id)
    except Http404:
        return _not_found("휴가를 찾을 수 없습니다.")
    try:
        withdraw_leave(actor=request.user, leave=leave)
    except BookingsAffected as error:
        return _affected(error)
    return Status(204, None)
