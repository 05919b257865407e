import { useState } from 'react'
import { Image, Picker, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { MAX_PHOTOS, routes, serviceFormLabels, type ServiceForm, type ServiceLog } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { goTo } from '../../../navigation'
import { ChoiceButton, Field } from '../../staff/shared/Field'
import { Notice } from '../../staff/shared/Notice'
import { chinaToday } from '../shared/servicesView'
import { pickPhoto } from './photos'
import '../../staff/shared/desk.css'
import '../shared/services.css'

const FORMS = Object.keys(serviceFormLabels) as ServiceForm[]
const DURATIONS = [15, 30, 45, 60, 90, 120]
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** 记录服务 in a few taps: the item, the person (or none for group work), the day, the form and how long. */
export default function ServiceLogPage() {
  const params = useRouter().params
  const me = useMe('serviceLog').state.data
  const today = chinaToday()
  const [itemId, setItemId] = useState<number | undefined>(Number(params.itemId) || undefined)
  const [beneficiaryId, setBeneficiaryId] = useState<number | null | undefined>(Number(params.beneficiaryId) || undefined)
  const [servedOn, setServedOn] = useState(today)
  const [form, setForm] = useState<ServiceForm>()
  const [minutes, setMinutes] = useState<number>()
  const [people, setPeople] = useState('1')
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const [done, setDone] = useState<ServiceLog | null>(null)

  const items = useResource(() => call(routes.listServiceItems, { query: { mine: 'true' } }), { enabled: Boolean(me) })
  const chosenItem = itemId ?? (items.state.data?.items.length === 1 ? items.state.data.items[0].id : undefined)
  const register = useResource(() => call(routes.listBeneficiaries, { params: { id: chosenItem ?? 0 } }), {
    enabled: chosenItem !== undefined,
    key: chosenItem ?? 0,
  })
  // Overdue and due people first: who most needs the visit being logged.
  const people_ = [...(register.state.data?.items ?? [])].sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))
  const chosenForm = form ?? (beneficiaryId ? 'visit' : beneficiaryId === null ? 'group' : undefined)

  const addPhoto = async () => {
    try {
      const url = await pickPhoto()
      if (url) setPhotos((p) => [...p, url])
    } catch (e) {
      setError(messageOf(e))
    }
  }

  const submit = async () => {
    const peopleServed = Number(people)
    if (chosenItem === undefined) return setError('请先选服务项目')
    if (beneficiaryId === undefined) return setError('请选服务对象，小组或活动请选“不针对个人”')
    if (!chosenForm) return setError('请选服务形式')
    if (minutes === undefined) return setError('请选服务时长')
    if (!Number.isInteger(peopleServed) || peopleServed < 1) return setError('服务人数请填一个正整数')
    setError(undefined)
    setSaving(true)
    try {
      setDone(
        await call(routes.createServiceLog, {
          body: { itemId: chosenItem, beneficiaryId, servedOn, minutes, form: chosenForm, peopleServed, note: note.trim(), photos },
        }),
      )
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setSaving(false)
    }
  }

  const again = () => {
    setDone(null)
    setBeneficiaryId(undefined)
    setForm(undefined)
    setMinutes(undefined)
    setNote('')
    setPhotos([])
    void register.reload()
  }

  if (done) {
    return (
      <Page>
        <StaffFrame current='serviceContracts'>
          <View className='ll-body'>
            <View className='ll-card' id='log-done'>
              <Text className='ll-heading'>已记录</Text>
              <Text className='ll-text'>
                {done.servedOn === today ? '今天' : done.servedOn}，{done.beneficiary ? `为${done.beneficiary.name}` : '小组/活动'}做了{serviceFormLabels[done.form]}，{done.minutes}分钟。
              </Text>
              <Text className='ll-secondary'>记错了可以在服务记录里作废，再重新记一条。</Text>
              <View className='svc-actions'>
                <Button id='log-again' size='large' type='primary' onClick={again}>
                  再记一条
                </Button>
                <Button id='log-tasks' size='large' fill='outline' onClick={() => goTo('serviceTasks')}>
                  我的任务
                </Button>
              </View>
            </View>
          </View>
        </StaffFrame>
      </Page>
    )
  }

  const mine = items.state.data?.items ?? []
  return (
    <Page
      footer={
        <Button id='log-submit' size='large' type='primary' block loading={saving} onClick={() => void submit()}>
          保存这条记录
        </Button>
      }
    >
      <StaffFrame current='serviceContracts'>
        <View className='ll-body'>
          {items.state.status === 'error' && !items.state.data ? <ErrorState error={items.state.error} onRetry={() => void items.reload()} /> : null}
          {!items.state.data && items.state.status === 'loading' ? <LoadingState cards={1} /> : null}
          {items.state.data && mine.length === 0 ? <EmptyState title='您还没有负责的服务项目' description='购买方把您指派到服务项目后，就可以在这里记录服务。' /> : null}
          {mine.length > 0 ? (
            <View className='ll-card'>
              <View className='setup-field' id='log-item'>
                <Text className='ll-text setup-field-label'>服务项目</Text>
                <View className='setup-choice'>
                  {mine.map((i) => (
                    <ChoiceButton key={i.id} selected={chosenItem === i.id} label={i.name} onClick={() => (setItemId(i.id), setBeneficiaryId(undefined))} />
                  ))}
                </View>
              </View>
              {chosenItem !== undefined ? (
                <View className='setup-field' id='log-beneficiary'>
                  <Text className='ll-text setup-field-label'>服务对象</Text>
                  <View className='setup-choice'>
                    <ChoiceButton selected={beneficiaryId === null} label='不针对个人（小组、活动）' onClick={() => setBeneficiaryId(null)} />
                    {people_.map((b) => (
                      <ChoiceButton
                        key={b.id}
                        selected={beneficiaryId === b.id}
                        label={b.overdue ? `${b.name}（已逾期）` : b.name}
                        onClick={() => setBeneficiaryId(b.id)}
                      />
                    ))}
                  </View>
                </View>
              ) : null}
              <View className='setup-field' id='log-day'>
                <Text className='ll-text setup-field-label'>服务日期</Text>
                <View className='setup-choice'>
                  <ChoiceButton selected={servedOn === today} label='今天' onClick={() => setServedOn(today)} />
                  <ChoiceButton selected={servedOn === addDays(today, -1)} label='昨天' onClick={() => setServedOn(addDays(today, -1))} />
                  <Picker mode='date' value={servedOn} end={today} onChange={(e) => setServedOn(String(e.detail.value))}>
                    <Button size='large' fill='outline' id='log-day-pick'>
                      {servedOn !== today && servedOn !== addDays(today, -1) ? servedOn : '其他日期'}
                    </Button>
                  </Picker>
                </View>
              </View>
              <View className='setup-field' id='log-form'>
                <Text className='ll-text setup-field-label'>服务形式</Text>
                <View className='setup-choice'>
                  {FORMS.map((f) => (
                    <ChoiceButton key={f} selected={chosenForm === f} label={serviceFormLabels[f]} onClick={() => setForm(f)} />
                  ))}
                </View>
              </View>
              <View className='setup-field' id='log-minutes'>
                <Text className='ll-text setup-field-label'>服务时长</Text>
                <View className='setup-choice'>
                  {DURATIONS.map((m) => (
                    <ChoiceButton key={m} selected={minutes === m} label={m < 60 ? `${m}分钟` : `${m / 60}小时`} onClick={() => setMinutes(m)} />
                  ))}
                </View>
              </View>
              <Field id='log-people' label='服务人数' value={people} type='number' maxLength={5} onChange={setPeople} />
              <Field id='log-note' label='简短记录（可不填）' value={note} maxLength={500} multiline onChange={setNote} />
              <View className='setup-field' id='log-photos'>
                <Text className='ll-text setup-field-label'>照片（可不拍）</Text>
                <View className='setup-choice'>
                  {photos.map((p) => (
                    <Image key={p} src={p} mode='aspectFill' style={{ width: '120px', height: '120px' }} />
                  ))}
                  {photos.length < MAX_PHOTOS ? (
                    <Button id='log-photo-add' size='large' fill='outline' onClick={() => void addPhoto()}>
                      拍照或选照片
                    </Button>
                  ) : null}
                </View>
              </View>
              <Notice id='log-error' notice={error ? { kind: 'error', text: error } : null} />
            </View>
          ) : null}
        </View>
      </StaffFrame>
    </Page>
  )
}
